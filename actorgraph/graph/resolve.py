"""Entity resolution: which entity records, across documents and languages, are one node of the graph.

Gazetteer entities already carry a stable id. Unknown actors are merged by their normalised name and by a
transliteration-aware consonant skeleton, so ``هيجسيث`` (Arabic) and ``Hegseth`` (English) meet: both
reduce to ``HJST``. Short vowels are not written in Arabic and long vowels are spelled inconsistently in
both scripts, so the skeleton keeps consonants only, folded into the classes the two scripts confuse
(p/b, v/f, g/j/ج/غ, th/ث/ت, k/q/c/ك/ق, s/sh/ص/ش/س ...).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from actorgraph.extract.lang.ar.normalize import normalize as normalize_arabic
from actorgraph.extract.records import Entity, Extraction

# Types that may merge with each other: the extractor may call the same organisation a
# GovernmentBody in one language and an Organization in the other.
_FAMILIES: dict[str, str] = {
    "Person": "person",
    "State": "state",
    "Organization": "org",
    "GovernmentBody": "org",
    "MilitaryOrganization": "org",
    "InternationalOrganization": "org",
    "ArmedGroup": "org",
    "Document": "doc",
    "Law": "doc",
    "Treaty": "doc",
    "Strategy": "doc",
    "Event": "event",
    "Meeting": "event",
    "Summit": "event",
    "Position": "position",
    "City": "city",
}

FUZZY_RATIO = 0.85  # skeleton similarity above which two names of one family are one entity
MIN_SKELETON = 3  # shorter skeletons (Li, Wu, UN) are too ambiguous to merge on sound alone

_AR_SKELETON = {
    "ب": "B", "ت": "T", "ث": "T", "ط": "T", "ج": "J", "غ": "J", "ح": "H", "ه": "H",
    "خ": "K", "ك": "K", "ق": "K", "د": "D", "ذ": "D", "ض": "D", "ظ": "D", "ر": "R", "ز": "Z",
    "س": "S", "ش": "S", "ص": "S", "ف": "F", "ل": "L", "م": "M", "ن": "N",
}  # fmt: skip
_LATIN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("th", "T"), ("kh", "K"), ("gh", "J"), ("ph", "F"), ("ck", "K"),
                   ("dh", "D"), ("zh", "J"))  # fmt: skip
_LATIN_SKELETON = {
    "b": "B", "p": "B", "c": "K", "d": "D", "f": "F", "v": "F", "g": "J", "j": "J", "h": "H", "k": "K",
    "q": "K", "l": "L", "m": "M", "n": "N", "r": "R", "s": "S", "t": "T", "x": "KS", "z": "Z",
}  # fmt: skip
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Letters the orthographic normaliser folds into a letter of another sound (Persian گ into ك): the
# skeleton keeps their sound, so they are mapped to an Arabic letter of that sound before folding.
_SOUND_BEFORE_FOLD = str.maketrans({"گ": "غ", "چ": "ش"})


@lru_cache(maxsize=200_000)
def normalize_name(name: str) -> str:
    """Casefolded name without accents, Arabic diacritics/hamza variants or punctuation (Arabic spelling
    is folded by the extractor's own normaliser, ``extract.lang.ar.normalize``)."""
    text = normalize_arabic(name)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _word_skeleton(word: str) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in word):
        out = [_AR_SKELETON.get(c, "") for c in word]
    else:
        out, i = [], 0
        while i < len(word):
            pair = word[i : i + 2]
            sub = next((v for k, v in _LATIN_DIGRAPHS if pair == k), None)
            if sub:
                out.append(sub)
                i += 2
                continue
            out.append(_LATIN_SKELETON.get(word[i], ""))
            i += 1
    s = "".join(out)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled consonants and shadda-less gemination read alike
    return s[:-1] if len(s) > 1 and s.endswith("H") else s  # final ta marbuta / silent h


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> tuple[str, ...]:
    """Consonant skeleton per word, comparable across Arabic and Latin script."""
    words = normalize_name(name.translate(_SOUND_BEFORE_FOLD)).split()
    return tuple(s for s in (_word_skeleton(w) for w in words) if s)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def name_keys(type_: str, names: Iterable[str]) -> set[str]:
    """The lookup keys under which resolution files an entity of ``type_`` named ``names``: one per normalised
    name and per consonant skeleton that may merge (the buckets of :func:`resolve_entities`), and a person's
    last-name skeleton. Stored beside each entity, they let a new article find the few stored entities it may
    merge with without reading them all."""
    fam = _FAMILIES.get(type_, type_)
    needs_two_words = fam not in ("person", "state", "city")
    keys: set[str] = set()
    for name in names:
        norm = normalize_name(name)
        if norm and (not needs_two_words or " " in norm):
            keys.add(f"n:{fam}:{norm}")
        s = skeleton(name)
        joined = "".join(s)
        if len(joined) >= MIN_SKELETON and (not needs_two_words or len(s) > 1):
            keys.add(f"s:{fam}:{joined}")
            if len(s) > 1 and fam == "person":
                keys.add(f"l:{fam}:{s[-1]}")
    return keys


def lookup_keys(type_: str, names: Iterable[str]) -> set[str]:
    """The stored keys a new entity may merge through: its own, and for a person the keys that pair a bare
    surname with a full name (a full name looks for a stored bare surname, a bare surname for full names)."""
    names = list(names)
    keys = name_keys(type_, names)
    if _FAMILIES.get(type_) == "person":
        for name in names:
            s = skeleton(name)
            if len(s) > 1 and len(s[-1]) >= MIN_SKELETON:
                keys.add(f"s:person:{s[-1]}")
            elif len(s) == 1 and len(s[0]) >= MIN_SKELETON:
                keys.add(f"l:person:{s[0]}")
    return keys


@dataclass(slots=True)
class KnownEntity:
    """An entity already in the store, that new documents may resolve to."""

    iri: str
    type: str
    label_en: str = ""
    label_ar: str = ""
    labels: list[str] = field(default_factory=list)  # alternative labels in any language
    country: str = ""
    romanized: bool = False  # its English label is our romanisation of an Arabic name, not English text's


@dataclass(slots=True)
class Resolution:
    """Per document (same order as the extractions), entity key → IRI; per IRI, canonical labels."""

    iris: list[dict[str, str]]
    label_en: dict[str, str]
    label_ar: dict[str, str]
    romanized: set[str] = field(default_factory=set)  # IRIs whose English label is a romanisation

    def iri(self, doc_index: int, key: str) -> str:
        return self.iris[doc_index][key]


@dataclass(slots=True)
class _Node:
    fixed: str  # IRI when the node's identity is already decided (gazetteer or store), else ""
    type: str
    names: list[str]
    country: str
    doc: int = -1  # document index for entity records, -1 for known entities
    key: str = ""
    lang: str = ""
    label_en: str = ""
    label_ar: str = ""
    romanized: bool = False


class _Clusters:
    """Union-find whose merges respect two vetoes: two different fixed IRIs never merge, and two keys
    of one document never merge (the extractor already decided they are different entities).

    Union by size: the smaller cluster joins the larger, and the veto walks the smaller cluster's
    documents only, so a node moves O(log n) times and resolution stays near-linear in the documents
    (walking the root's whole document map on every merge made it quadratic: 16,000 documents naming
    one actor took 285 s)."""

    def __init__(self, nodes: list[_Node]) -> None:
        self.parent = list(range(len(nodes)))
        self.size = [1] * len(nodes)
        self.fixed = [{n.fixed} if n.fixed else set() for n in nodes]
        self.docs = [{n.doc: n.key} if n.doc >= 0 else {} for n in nodes]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.fixed[ra] and self.fixed[rb] and self.fixed[ra] != self.fixed[rb]:
            return False
        small, big = (self.docs[ra], self.docs[rb]) if len(self.docs[ra]) <= len(self.docs[rb]) else \
            (self.docs[rb], self.docs[ra])  # fmt: skip
        if any(d in big and big[d] != k for d, k in small.items()):
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.fixed[ra] |= self.fixed[rb]
        big.update(small)
        self.docs[ra], self.docs[rb] = big, {}
        return True


def _gazetteer_iri(entity: Entity, base: str) -> str:
    return entity.gazetteer_iri or base + entity.key.split(":", 1)[1]


def _compatible(a: _Node, b: _Node) -> bool:
    return _FAMILIES.get(a.type) == _FAMILIES.get(b.type) and (
        not a.country or not b.country or a.country == b.country
    )


def resolve_entities(
    extractions: Sequence[Extraction],
    known: Iterable[KnownEntity] = (),
    *,
    base: str = "https://w3id.org/actorgraph/id/",
    taken: Callable[[list[str]], set[str]] | None = None,
) -> Resolution:
    """Give every entity of every extraction an IRI, merging the ones that name the same thing.

    Unknown entities merge with each other and with ``known`` (and gazetteer) entities when they are of
    one type family, their countries do not conflict, and either their normalised names are equal, their
    consonant skeletons are equal or close (ratio >= FUZZY_RATIO), or one is a bare surname whose
    skeleton matches the last word of exactly one multi-word name. Names of documents, events and
    organisations need two words to merge: "the law" in two articles is rarely the same law.

    ``taken`` (IRIs → those of them already in use) is asked before a new IRI is minted, when ``known`` holds
    only the store's entities that may merge (see :func:`lookup_keys`), not all of them.
    """
    with _cyclic_gc_paused():
        return _resolve(extractions, known, base, taken)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Resolution allocates millions of small containers on a big corpus, and each allocation burst makes
    the cyclic collector walk every live object (the caller's extractions too): 100,000 documents took
    36 s with it and 21 s without. Nothing here forms a reference cycle, so reference counting frees it all."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _resolve(
    extractions: Sequence[Extraction],
    known: Iterable[KnownEntity],
    base: str,
    taken: Callable[[list[str]], set[str]] | None,
) -> Resolution:
    nodes: list[_Node] = []
    fixed_index: dict[str, int] = {}
    for k in known:
        names = [n for n in (k.label_en, k.label_ar, *k.labels) if n]
        fixed_index[k.iri] = len(nodes)
        nodes.append(_Node(k.iri, k.type, names, k.country, label_en=k.label_en, label_ar=k.label_ar,
                           romanized=k.romanized))  # fmt: skip
    stored = len(nodes)  # nodes [0, stored) are the store's entities
    for d, ex in enumerate(extractions):
        for e in ex.entities.values():
            fixed = _gazetteer_iri(e, base) if e.key.startswith("gaz:") else ""
            names = [n for n in (e.label_en, e.label_ar, *e.aliases) if n]
            lang = ex.document.lang
            # An English label read in a text of another language is a romanisation (or a translation).
            romanized = lang != "en" and not fixed and bool(e.label_en)
            nodes.append(_Node(fixed, e.type, names, e.country, d, e.key, lang, e.label_en, e.label_ar, romanized))
    clusters = _Clusters(nodes)
    # Records of one gazetteer id (and of an id already in the store) are one node.
    for i, n in enumerate(nodes):
        if n.fixed:
            if n.fixed in fixed_index:
                clusters.union(fixed_index[n.fixed], i)
            else:
                fixed_index[n.fixed] = i

    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_skeleton: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_last: dict[tuple[str, str], list[int]] = defaultdict(list)
    info: list[tuple[set[str], set[str], bool]] = []
    for i, n in enumerate(nodes):
        fam = _FAMILIES.get(n.type, n.type)
        norms = {normalize_name(x) for x in n.names} - {""}
        skels = [skeleton(x) for x in n.names]
        joined = {"".join(s) for s in skels if len("".join(s)) >= MIN_SKELETON}
        multi = any(len(s) > 1 for s in skels)
        info.append((norms, joined, multi))
        needs_two_words = fam not in ("person", "state", "city")
        for x in norms:
            if not needs_two_words or " " in x:
                by_name[(fam, x)].append(i)
        for s in skels:
            if len("".join(s)) >= MIN_SKELETON and (not needs_two_words or len(s) > 1):
                by_skeleton[(fam, "".join(s))].append(i)
                if len(s) > 1 and fam == "person":
                    by_last[(fam, s[-1])].append(i)

    def try_union(i: int, j: int) -> None:
        if i != j and _compatible(nodes[i], nodes[j]):
            clusters.union(i, j)

    # Two entities from the store never merge (each keeps its IRI: the union vetoes it), and the store's
    # come first in every bucket, so only pairs with a new entity are tried. With 21,000 entities stored,
    # trying the others too took 100 s for one article.
    for bucket in (*by_name.values(), *by_skeleton.values()):
        _merge_bucket(bucket, stored, nodes, clusters)
    # Near-identical spellings of multi-word person names (Hegseth / Hegsith): blocked by surname sound.
    close: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
    skel_sets = [frozenset(i[1]) for i in info]
    for bucket in by_last.values():
        # Members of one cluster with one spelling and one country behave alike: one stands for them all,
        # so a surname a million documents share costs a few comparisons, not a million squared.
        reps = _representatives(bucket, clusters, lambda i: (skel_sets[i], nodes[i].country))
        for a_pos, a in enumerate(reps):
            for b in reps[a_pos + 1 :]:
                if b < stored or clusters.find(a) == clusters.find(b):
                    continue
                pair = (skel_sets[a], skel_sets[b])
                hit = close.get(pair)
                if hit is None:
                    hit = close[pair] = any(
                        SequenceMatcher(None, x, y).ratio() >= FUZZY_RATIO for x in pair[0] for y in pair[1]
                    )
                if hit:
                    try_union(a, b)
    # A bare surname joins the single person of that surname (Nakatani → Gen Nakatani).
    surname_reps: dict[str, list[int]] = {}
    for i, n in enumerate(nodes):
        if _FAMILIES.get(n.type) != "person" or info[i][2]:
            continue
        for s in {skeleton(x) for x in n.names}:
            if len(s) != 1 or len(s[0]) < MIN_SKELETON:
                continue
            if s[0] not in surname_reps:  # clusters only grow: a member's stand-in stays in its cluster
                bucket = by_last.get(("person", s[0]), [])
                surname_reps[s[0]] = _representatives(bucket, clusters, lambda j: nodes[j].country)
            # The single cluster of compatible people with that surname, joined through one of those people
            # (not through the cluster's root node, whose country the union-find's internals pick).
            found: dict[int, int] = {}
            for j in surname_reps[s[0]]:
                if _compatible(n, nodes[j]):
                    found.setdefault(clusters.find(j), j)
            if len(found) == 1:
                try_union(i, next(iter(found.values())))

    return _name_clusters(nodes, clusters, len(extractions), base, taken)


def _merge_bucket(bucket: list[int], stored: int, nodes: list[_Node], clusters: _Clusters) -> None:
    """Join each new member of a bucket (one name or skeleton) to the first earlier member that does not
    veto the merge. Earlier members of one cluster and one country answer alike (the veto and
    ``_compatible`` read nothing else), so one member stands for each such group: a name a million
    documents share is tried against one cluster, not a million members. (A group whose cluster has
    since joined another may be represented twice: that costs a try, never a different answer.)"""
    reps: list[int] = []
    seen: set[tuple[int, str]] = set()
    for j in bucket:
        if j >= stored:
            tried: set[tuple[int, str]] = set()
            for i in reps:
                group = (clusters.find(i), nodes[i].country)
                if group in tried:
                    continue
                tried.add(group)
                if _compatible(nodes[i], nodes[j]):
                    clusters.union(i, j)
                if clusters.find(i) == clusters.find(j):  # joined now, or already (through another name)
                    break
        group = (clusters.find(j), nodes[j].country)
        if group not in seen:
            seen.add(group)
            reps.append(j)


def _representatives(bucket: list[int], clusters: _Clusters, trait: Callable[[int], Hashable]) -> list[int]:
    """The first member of ``bucket`` of each (cluster, trait) group, in bucket order."""
    seen: set[tuple[int, Hashable]] = set()
    out: list[int] = []
    for i in bucket:
        group = (clusters.find(i), trait(i))
        if group not in seen:
            seen.add(group)
            out.append(i)
    return out


_PROBE = 32  # minted IRIs asked of the store at once: the stem and its next suffixes


def _name_clusters(
    nodes: list[_Node], clusters: _Clusters, n_docs: int, base: str,
    in_use: Callable[[list[str]], set[str]] | None,
) -> Resolution:  # fmt: skip
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        members[clusters.find(i)].append(i)
    taken = {n.fixed for n in nodes if n.fixed}
    iris: list[dict[str, str]] = [{} for _ in range(n_docs)]
    label_en: dict[str, str] = {}
    label_ar: dict[str, str] = {}
    romanized: set[str] = set()
    next_suffix: dict[str, int] = {}
    probed: set[str] = set()  # asked of ``in_use`` already
    # Deterministic: clusters in order of their first member, so the same input mints the same IRIs.
    for root in sorted(members, key=lambda r: min(members[r])):
        group = [nodes[i] for i in members[root]]
        fixed = sorted(clusters.fixed[root])
        # A spelling read in English text wins over our romanisation of an Arabic name, even one already
        # stored; then the label of a known/gazetteer node (stable), then the longest one from an English text.
        ranked = sorted(group, key=lambda n: (n.romanized, not n.fixed, n.lang != "en", -len(n.label_en), n.label_en))
        ranked_ar = sorted(group, key=lambda n: (not n.fixed, n.lang != "ar", -len(n.label_ar), n.label_ar))
        first_en = next((n for n in ranked if n.label_en), None)
        best_en = first_en.label_en if first_en else ""
        best_ar = next((n.label_ar for n in ranked_ar if n.label_ar), "")
        if fixed:
            iri = fixed[0]
        else:
            iri = stem = _mint(ranked[0], best_en or best_ar, base)
            suffix = next_suffix.get(stem, 2)  # the ones below are taken already, and stay taken
            while True:
                if in_use is not None and iri not in taken and iri not in probed:
                    probe = [iri, *(f"{stem}-{k}" for k in range(suffix, suffix + _PROBE))]
                    probed.update(probe)
                    taken.update(in_use(probe))
                if iri not in taken:
                    break
                iri, suffix = f"{stem}-{suffix}", suffix + 1
            next_suffix[stem] = suffix
        taken.add(iri)
        label_en[iri], label_ar[iri] = best_en, best_ar
        if first_en is not None and first_en.romanized:
            romanized.add(iri)
        for n in group:
            if n.doc >= 0:
                iris[n.doc][n.key] = iri
    return Resolution(iris, label_en, label_ar, romanized)


def _mint(node: _Node, label: str, base: str) -> str:
    """Stable IRI of an unknown entity: type, country for non-persons (two ministries of defence), name."""
    prefix = node.type.lower()
    if node.country and node.type != "Person":
        prefix += "-" + node.country.lower()
    slug = slugify(label)[:60].strip("-")
    if not slug:  # Arabic-only name: a short hash of its normalised form
        slug = "x" + hashlib.sha256(normalize_name(label).encode()).hexdigest()[:10]
    return f"{base}{prefix}-{slug}"
