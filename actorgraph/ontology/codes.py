"""The CAMEO code rules of ``lexicon/actor_codes.tsv``: sectors by entity type and by head word."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from actorgraph.ontology import LEXICON_DIR


@dataclass(frozen=True, slots=True)
class CodeRules:
    type_sector: dict[str, str] = field(default_factory=dict)  # entity type → sector (GovernmentBody → GOV)
    international: dict[str, str] = field(default_factory=dict)  # entity type → code prefix (… → IGO)
    words: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # lang → (word(s), sector)
    modifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # lang → words allowed inside a title


@lru_cache(maxsize=1)
def code_rules() -> CodeRules:
    text = (LEXICON_DIR / "actor_codes.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rules = CodeRules()
    words: dict[str, list[tuple[str, str]]] = {}
    modifiers: dict[str, set[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        kind, lang, key, code = (row.get(k, "").strip() for k in ("kind", "lang", "key", "code"))
        if not key or not code:
            continue
        if kind == "type":
            rules.type_sector[key] = code
        elif kind == "igo":
            rules.international[key] = code
        elif kind == "word":
            words.setdefault(lang, []).append((key, code))
        elif kind == "modifier":
            modifiers.setdefault(lang, set()).add(key)
    rules.words.update({lang: tuple(found) for lang, found in words.items()})
    rules.modifiers.update({lang: frozenset(found) for lang, found in modifiers.items()})
    return rules
