"""Load the gazetteer (Turtle under ``ontology/data`` plus every country from CLDR via babel).

The result is a plain ``Gazetteer`` of ``GazEntry`` records, cached as a pickle keyed on the data files'
content, so extraction start-up does not re-parse Turtle every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from actorgraph.ontology import DATA_DIR
from actorgraph.ontology.namespace import AG_IRI, AGR_IRI

CACHE_VERSION = "3"
# CLDR territory codes that are not countries or that CLDR names oddly for news.
_SKIP_TERRITORIES = {"ZZ", "QO", "EZ", "UN", "EU", "XA", "XB"}
# Withdrawn ISO3 codes that CLDR still aliases to a current territory (East Germany → DE, Burma → MM,
# Zaire → CD, ...): the current code owns the country's names, so "Germany" is never the GDR.
_WITHDRAWN_ISO3 = {"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"}


@dataclass(slots=True)
class Holding:
    position: str  # gazetteer key of the Position
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class GazEntry:
    key: str  # "gaz:<slug>"
    type: str  # ontology class local name
    label_en: str = ""
    label_ar: str = ""
    aliases_en: list[str] = field(default_factory=list)
    aliases_ar: list[str] = field(default_factory=list)
    country: str = ""  # ISO3
    sector: str = ""
    cameo: str = ""
    gender: str = ""
    role: str = ""  # Position: role key
    organization: str = ""  # Position: gazetteer key of the organisation the office belongs to
    part_of: str = ""  # gazetteer key
    holds: list[Holding] = field(default_factory=list)
    # Countries only
    nisba_ar: list[str] = field(default_factory=list)
    demonyms_en: list[str] = field(default_factory=list)
    capitals_en: list[str] = field(default_factory=list)
    capitals_ar: list[str] = field(default_factory=list)
    # Codes that hold for a period (from a user's dictionary): (CAMEO code, start, end), ISO dates or None.
    dated_codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return AGR_IRI + self.key.split(":", 1)[1]


# A role some states give another office: "Foreign Secretary" is the foreign minister in the UK, a civil servant
# in India or Pakistan (who have a foreign_secretary office of their own).
_ROLE_FALLBACK = {"foreign_secretary": "foreign_minister"}


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, GazEntry]
    country_by_iso3: dict[str, str]  # ISO3 → key
    position_by_role: dict[tuple[str, str], str]  # (role, ISO3 or org key) → position key

    def country(self, iso3: str) -> GazEntry | None:
        key = self.country_by_iso3.get(iso3)
        return self.entries.get(key) if key else None

    def position(self, role: str, owner: str) -> GazEntry | None:
        key = self.position_by_role.get((role, owner))
        if not key and role in _ROLE_FALLBACK:
            key = self.position_by_role.get((_ROLE_FALLBACK[role], owner))
        return self.entries.get(key) if key else None


def _data_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.ttl"))


def _countries_from_cldr(entries: dict[str, GazEntry]) -> dict[str, str]:
    from babel import Locale
    from babel.core import get_global

    en, ar = Locale("en"), Locale("ar")
    by_iso3: dict[str, str] = {}
    for iso3, iso2s in get_global("territory_aliases").items():
        if len(iso3) != 3 or not iso3.isalpha() or len(iso2s) != 1 or iso3 in _WITHDRAWN_ISO3:
            continue
        iso2 = iso2s[0]
        if iso2 in _SKIP_TERRITORIES or iso2 not in en.territories or iso2 not in ar.territories:
            continue
        key = f"gaz:country-{iso3.lower()}"
        entries[key] = GazEntry(
            key=key,
            type="State",
            label_en=en.territories[iso2],
            label_ar=ar.territories[iso2],
            country=iso3,
            cameo=iso3,
        )
        by_iso3[iso3] = key
    return by_iso3


_FIX_EN = {
    "PSE": "Palestine",
    "TUR": "Turkey",
    "CZE": "Czech Republic",
    "MMR": "Myanmar",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CIV": "Ivory Coast",
}


# CLDR's Arabic short forms that read as codes, not names ("الكونغو - كينشاسا"): the names news uses.
_FIX_AR = {
    "COD": "جمهورية الكونغو الديمقراطية",
    "COG": "جمهورية الكونغو",
    "MMR": "ميانمار",
    "TLS": "تيمور الشرقية",
    "HKG": "هونغ كونغ",
}


def _english_variants(label: str) -> list[str]:
    """CLDR's short forms as news writes them: '&' → 'and', 'St.' → 'Saint', no parentheses, no accents."""
    import unicodedata

    out = []
    for variant in (
        label.replace(" & ", " and "),
        label.replace("St. ", "Saint ").replace(" & ", " and "),
        label.split(" (")[0],
        "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c)),
    ):
        if variant != label and variant not in out:
            out.append(variant)
    return out


def _parse(files: list[Path]) -> Gazetteer:
    import rdflib
    from rdflib.namespace import RDF, SKOS

    ag = rdflib.Namespace(AG_IRI)
    graph = rdflib.Graph()
    for path in files:
        graph.parse(path, format="turtle")

    entries: dict[str, GazEntry] = {}
    by_iso3 = _countries_from_cldr(entries)
    for iso3, label in _FIX_EN.items():
        if iso3 in by_iso3:
            entry = entries[by_iso3[iso3]]
            entry.aliases_en.append(entry.label_en)
            entry.label_en = label
    for iso3, label in _FIX_AR.items():
        if iso3 in by_iso3:
            entry = entries[by_iso3[iso3]]
            entry.aliases_ar.append(entry.label_ar)
            entry.label_ar = label
    for country_key in by_iso3.values():
        entry = entries[country_key]
        variants = _english_variants(entry.label_en)
        if " & " in entry.label_en and variants:
            entry.aliases_en.append(entry.label_en)
            entry.label_en = variants[0]  # "Bosnia and Herzegovina", as news and our positions write it
            variants = variants[1:]
        entry.aliases_en.extend(v for v in variants if v not in entry.aliases_en)

    def key_of(node: rdflib.term.Node) -> str | None:
        text = str(node)
        return "gaz:" + text[len(AGR_IRI) :] if text.startswith(AGR_IRI) else None

    def text(node: rdflib.term.Node | None) -> str:
        return str(node) if node is not None else ""

    subjects = {s for s in graph.subjects() if isinstance(s, rdflib.URIRef)}
    for subject in sorted(subjects):  # a stable order: ties between entries sharing an alias resolve alike
        subject_key = key_of(subject)
        if subject_key is None:
            continue
        key = subject_key
        types = [str(t)[len(AG_IRI) :] for t in graph.objects(subject, RDF.type) if str(t).startswith(AG_IRI)]
        found = entries.get(key)
        if found is None:
            if not types:
                continue  # facts about an entity we do not know (a country CLDR lacks)
            found = entries[key] = GazEntry(key=key, type=types[0])
        entry = found
        for pref in graph.objects(subject, SKOS.prefLabel):
            lang = getattr(pref, "language", None)
            if lang == "ar":
                entry.label_ar = str(pref)
            elif lang in ("en", None):
                entry.label_en = str(pref)
        for alt in graph.objects(subject, SKOS.altLabel):
            target = entry.aliases_ar if getattr(alt, "language", None) == "ar" else entry.aliases_en
            target.append(str(alt))
        entry.country = text(graph.value(subject, ag.countryCode)) or entry.country
        entry.sector = text(graph.value(subject, ag.sectorCode)) or entry.sector
        entry.cameo = text(graph.value(subject, ag.cameoCode)) or entry.cameo
        entry.gender = text(graph.value(subject, ag.gender))
        entry.role = text(graph.value(subject, ag.roleKey))
        org = graph.value(subject, ag.organization)
        entry.organization = (key_of(org) or "") if org is not None else ""
        part = graph.value(subject, ag.partOf)
        entry.part_of = (key_of(part) or "") if part is not None else ""
        for holding in graph.objects(subject, ag.holds):
            position = graph.value(holding, ag.position)
            if position is None or key_of(position) is None:
                continue
            start, end = graph.value(holding, ag.startDate), graph.value(holding, ag.endDate)
            entry.holds.append(Holding(key_of(position) or "", text(start) or None, text(end) or None))
        for value in graph.objects(subject, ag.nisba):
            entry.nisba_ar.append(str(value))
        for value in graph.objects(subject, ag.demonym):
            entry.demonyms_en.append(str(value))
        for value in graph.objects(subject, ag.capital):
            target = entry.capitals_ar if getattr(value, "language", None) == "ar" else entry.capitals_en
            target.append(str(value))

    _derive_adjectives(entries)
    positions: dict[tuple[str, str], str] = {}
    for entry in entries.values():
        if entry.type == "Position" and entry.role:
            owner = entry.organization or entry.country
            positions.setdefault((entry.role, owner), entry.key)
    return Gazetteer(entries, by_iso3, positions)


def english_demonym(name: str) -> str:
    """A regular English demonym for a one-word country name (Malawi → Malawian), '' when unsure."""
    if " " in name or len(name) < 4:
        return ""
    if name.endswith("ia"):
        return name + "n"  # Tunisia → Tunisian
    if name.endswith("a"):
        return name + "n"  # Kenya → Kenyan
    if name.endswith("y"):
        return name[:-1] + "ian"  # Hungary → Hungarian
    if name.endswith(("i", "o")):
        return name + "an"  # Malawi → Malawian, Mexico is in the data
    if name.endswith("e"):
        return name + "an"  # Chile → Chilean
    return ""


def arabic_nisba(name: str) -> str:
    """A regular Arabic nisba for a country name (كينيا → كيني, المجر → مجري), '' when unsure."""
    word = name.split()[0] if len(name.split()) == 1 else ""
    if not word:
        return ""
    if word.startswith("ال"):
        word = word[2:]
    if word.endswith(("ي", "ى")):
        return ""  # ملاوي, مالي: the adjective is the name itself (and مالي is also "financial")
    if word.endswith(("يا", "ا", "ة")):
        word = word[:-2] if word.endswith("يا") else word[:-1]
    return word + "ي" if len(word) >= 3 else ""


def _derive_adjectives(entries: dict[str, GazEntry]) -> None:
    """Countries the data gives no adjective for get a regular one, unless it would clash with a name."""
    taken = {label for e in entries.values() for label in (e.label_en, e.label_ar, *e.aliases_en, *e.aliases_ar)}
    for entry in entries.values():
        if entry.type != "State":
            continue
        if not entry.demonyms_en:
            demonym = english_demonym(entry.label_en)
            if demonym and demonym not in taken:
                entry.demonyms_en.append(demonym)
        if not entry.nisba_ar:
            nisba = arabic_nisba(entry.label_ar)
            if nisba and nisba not in taken and len(nisba) >= 4:
                entry.nisba_ar.append(nisba)


def _cache_dir() -> Path:
    base = os.environ.get("ACTORGRAPH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "actorgraph"
    )
    return Path(base)


def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Our gazetteer plus the actors of the dictionaries in force (``--dictionary``)."""
    from actorgraph.ontology.dictionaries import configured

    return _with_dictionaries(data_dir, configured())


@lru_cache(maxsize=8)
def _with_dictionaries(data_dir: Path, paths: tuple[Path, ...]) -> Gazetteer:
    """Dictionary actors become entries of their own unless one of their names is ours already (ours wins:
    its codes and labels were checked); their other names then become our entry's aliases."""
    from actorgraph.ontology.dictionaries import load_dictionaries

    base = own_gazetteer(data_dir)
    if not paths:
        return base
    entries = dict(base.entries)
    owner: dict[str, str] = {}
    for entry in entries.values():
        for name in (entry.label_en, *entry.aliases_en, entry.label_ar, *entry.aliases_ar):
            if name:
                owner.setdefault(name.casefold(), entry.key)
    for actor in load_dictionaries(paths).actors:
        names = [actor.name, *actor.aliases]
        known = next((owner[n.casefold()] for n in names if n.casefold() in owner), None)
        arabic = bool(re.search("[\u0600-\u06ff]", actor.name))
        if known is None:
            code = actor.code_on(None)
            slug = "dict-" + re.sub(r"\W+", "-", actor.name.casefold()).strip("-")
            entry = GazEntry(f"gaz:{slug}", actor.type, country=code[:3] if code[:3].isalpha() else "",
                             sector=code[3:6], cameo=code, dated_codes=[(c.code, c.start, c.end) for c in actor.codes])
            if arabic:
                entry.label_ar = actor.name
            else:
                entry.label_en = actor.name.title() if actor.name.isupper() else actor.name
            entries.setdefault(entry.key, entry)
            known = entry.key
        target = entries[known]
        aliases = target.aliases_ar if arabic else target.aliases_en
        for name in names:
            if name.casefold() not in owner:
                owner[name.casefold()] = known
                aliases.append(name)
    return Gazetteer(entries, base.country_by_iso3, base.position_by_role)


@lru_cache(maxsize=4)
def own_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """The gazetteer, from the pickle cache when the data files have not changed."""
    files = _data_files(data_dir)
    digest = hashlib.sha256(CACHE_VERSION.encode())
    digest.update(Path(__file__).read_bytes())  # a change to this loader invalidates the cache too
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    cache = _cache_dir() / f"gazetteer-{digest.hexdigest()[:20]}.pickle"
    try:
        with cache.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Gazetteer):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    gazetteer = _parse(files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home is fine: we just parse again next time
    return gazetteer
