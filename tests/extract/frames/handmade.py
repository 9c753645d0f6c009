"""Small hand-made sentences for the frame tests: tokens and mentions written out, no mention finder involved.

``run(lang, spec)`` reads a sentence written as space-separated tokens where a mention is in brackets,
``[words:Type]`` or ``[words:Type:kind]`` (kind: name, title, adj, adjmod, place, ...; a trailing ``&`` marks a
mention that carries its conjunction, وY), and returns the relations the frames find, as
(subject words, relation, object words, modality) tuples. A title mention is ``[words:Person:title=POS@AFF]``.
"""

from __future__ import annotations

import re

from actorgraph.extract.lookup import ar_keys, en_keys
from actorgraph.extract.mentions import Entities, Hit, Tok
from actorgraph.extract.pipeline import tables_for
from actorgraph.extract.records import Entity
from actorgraph.extract.relations import RelationFinder

MENTION = re.compile(r"\[([^\]]+)\]|(\S+)")


def build(lang: str, spec: str) -> RelationFinder:
    tables = tables_for(lang)
    keyfn = ar_keys if lang == "ar" else en_keys
    toks: list[Tok] = []
    hits: list[Hit] = []
    entities = Entities(tables, lang, "")
    text = ""
    for match in MENTION.finditer(spec):
        if match.group(2):
            words, mention = [match.group(2)], None
        else:
            body = match.group(1)
            coord = body.endswith("&")
            words_part, type_name, *rest = body.rstrip("&").split(":")
            words, mention = words_part.split(), (type_name, rest[0] if rest else "name", coord)
        start = len(toks)
        for w in words:
            a = len(text) + (1 if text else 0)
            text = f"{text} {w}" if text else w
            punct = len(w) == 1 and not w.isalnum()
            toks.append(Tok(len(toks), a, a + len(w), w, keyfn(w), 0, w[:1].isupper(), punct))
        if mention is not None:
            type_name, kind, coord = mention
            hits.append(_hit(entities, " ".join(words), type_name, kind, coord, start, len(toks)))
    entities.text = text
    for hit in hits:  # "and Turkey": a conjunction before the mention joins it, as the mention finder marks it
        p = hit.start - 1 if hit.start < 1 or toks[hit.start - 1].text != "the" else hit.start - 2
        hit.coord = hit.coord or (p >= 0 and toks[p].text.lower() in ("and", "&", "nor"))
    cover = [-1] * len(toks)
    for index, hit in enumerate(hits):
        for k in range(hit.start, hit.end):
            cover[k] = index
    return RelationFinder(tables, toks, entities, hits, cover)


def _hit(entities: Entities, words: str, type_name: str, kind: str, coord: bool, start: int, end: int) -> Hit:
    key = f"t:{words}"
    entities.table[key] = Entity(key, type_name, words)
    hit = Hit(start, end, key, type_name, kind.split("=")[0], coord)
    if kind.startswith("title="):
        position, affiliation = kind.removeprefix("title=").split("@")
        for k, t in ((f"t:{position}", "Position"), (f"t:{affiliation}", "State")):
            entities.table[k] = Entity(k, t, k[2:])
        hit.position, hit.affiliation, hit.title_end = f"t:{position}", f"t:{affiliation}", end
    elif kind.startswith("place="):
        hit.kind, hit.affiliation = "place", f"t:{kind.removeprefix('place=')}"
        entities.table[hit.affiliation] = Entity(hit.affiliation, "State", hit.affiliation[2:])
    return hit


def run(lang: str, spec: str) -> set[tuple[str, str, str, str]]:
    finder = build(lang, spec)
    finder.run_sentence(0, len(finder.toks), 0, True, None)
    label = {key: entity.label_en for key, entity in finder.ent.table.items()}
    return {(label[r.subject], r.relation, label[r.object], r.modality) for r in finder.relations}
