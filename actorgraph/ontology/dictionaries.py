"""Dictionaries users already keep, loaded beside our own data (``--dictionary FILE``).

Formats, told apart by their content:
- a CSV of actors with a header: ``name, aliases, type, country, sector, valid_from, valid_to`` (aliases
  separated by ``|``; one row per name and period, so a person's codes can change with time);
- PETRARCH actor dictionaries: ``NAME_WORDS_ [CODE]``, ``+ALIAS`` lines, and tab-indented dated codes
  (``[USAGOV 20010120-20090120]``, ``[AFGGOV >20011222]``);
- PETRARCH agent dictionaries: ``NOUN [~SECTOR]`` (a noun that gives an actor's sector: MINISTER → GOV);
- PETRARCH verb dictionaries: ``--- NAME [CODE] ---`` blocks of verbs, each line a verb with its CAMEO
  code, and ``- * WORDS [CODE]`` patterns; the code's PLOVER type and our relation come from
  ``lexicon/cameo_roots.tsv``. Patterns with anything but plain words are counted and skipped.

Which files are in force: ``ACTORGRAPH_DICTIONARIES`` (paths separated by ``os.pathsep``), which
``--dictionary`` sets for the run and its worker processes, then ``dictionaries = [...]`` in
``$XDG_CONFIG_HOME/actorgraph/config.toml``.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import tomllib

from actorgraph.ontology import LEXICON_DIR
from actorgraph.ontology.lexicon import Head, TriggerRule

ENV = "ACTORGRAPH_DICTIONARIES"
CSV_COLUMNS = ("name", "aliases", "type", "country", "sector", "valid_from", "valid_to")
_CODE = re.compile(r"\[\s*([~A-Z0-9]+)\s*([<>]?\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")
_VERB_BLOCK = re.compile(r"^---\s+(.+?)\s+\[([-\d]+)\]\s+---")
_PLAIN_PATTERN = re.compile(r"^-\s+\*\s+([^\[\]&{}()$+^%|<>!@#]+?)\s+\[(\d+)\]")


class DictionaryError(ValueError):
    """A dictionary file that cannot be read; the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str  # CAMEO actor code: ISO3 (or IGO) and sector letters, e.g. USAGOV
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class DictActor:
    name: str
    aliases: list[str]
    type: str
    codes: list[DatedCode]
    source: str  # file it came from

    def code_on(self, date: str | None) -> str:
        """The code valid on ``date`` (an open-ended one when no date), else the first one given."""
        for dated in self.codes:
            if dated.valid_on(date):
                return dated.code
        return self.codes[0].code if self.codes else ""


@dataclass(frozen=True, slots=True)
class DictAgent:
    noun: str
    sector: str
    type: str


@dataclass(frozen=True, slots=True)
class DictVerb:
    form: str  # a verb lemma, optionally followed by ' ... WORDS' (a plain pattern)
    cameo: str
    plover: str
    relation: str


@dataclass(slots=True)
class Dictionaries:
    actors: list[DictActor] = field(default_factory=list)
    agents: list[DictAgent] = field(default_factory=list)
    verbs: list[DictVerb] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # what was not imported, and how often

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


# Sector letters → the entity type an actor or agent of that sector is (PETRARCH's sector codes).
_SECTOR_TYPES = {"GOV": "GovernmentBody", "MIL": "MilitaryOrganization", "COP": "GovernmentBody",
                 "REB": "ArmedGroup", "INS": "ArmedGroup", "UAF": "ArmedGroup", "SPY": "GovernmentBody",
                 "LEG": "GovernmentBody", "JUD": "GovernmentBody", "IGO": "InternationalOrganization"}  # fmt: skip


def type_for_code(code: str, dated: bool) -> str:
    """An actor's entity type from its code: a dated code is held by a person; else by its sector."""
    if code.startswith("IGO"):
        return "InternationalOrganization"
    if dated:
        return "Person"
    sector = code[3:6] if len(code) >= 6 else code[:3] if len(code) == 3 and not code.isalpha() else ""
    if len(code) == 3:
        return "State"
    return _SECTOR_TYPES.get(sector, "Organization")


def _date(raw: str | None) -> str | None:
    """YYYYMMDD, or YYMMDD as older PETRARCH files write it (years up to 30 are 20xx)."""
    if not raw or not raw.isdigit() or len(raw) not in (6, 8):
        return None
    if len(raw) == 6:
        raw = ("20" if int(raw[:2]) <= 30 else "19") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _dated_code(match: re.Match[str]) -> DatedCode:
    code, first, second = match.group(1), match.group(2) or "", match.group(3)
    if first.startswith(">"):
        return DatedCode(code, start=_date(first[1:]))
    if first.startswith("<"):
        return DatedCode(code, end=_date(first[1:]))
    start, end = _date(first), _date(second)
    if start and end and end < start:  # an end before the start marks an open range in these files
        end = None
    return DatedCode(code, start, end)


def _phrase(raw: str) -> str:
    """PETRARCH joins a name's words with '_' and ends a whole word with '_'."""
    return " ".join(w for w in raw.strip().strip("+").split("_") if w)


def parse_petrarch_actors(text: str, source: str, out: Dictionaries) -> None:
    current: DictActor | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [_dated_code(m) for m in _CODE.finditer(line)]
        head = _CODE.sub("", line).strip()
        if head.startswith("+") and current is not None:
            current.aliases.append(_phrase(head))
        elif head and not raw[:1].isspace():
            current = DictActor(_phrase(head), [], "", [], source)
            out.actors.append(current)
        if current is not None:
            current.codes.extend(c for c in codes if not c.code.startswith("~"))
    kept = []
    for actor in out.actors:
        if actor.source == source and not actor.type:
            if not actor.codes or not actor.name:
                out.skip("actor without a code")
                continue
            actor.type = type_for_code(actor.codes[0].code, any(c.start or c.end for c in actor.codes))
        kept.append(actor)
    out.actors[:] = kept


def parse_petrarch_agents(text: str, out: Dictionaries) -> None:
    macros: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = re.match(r"^(.+?)\s*\[~([A-Z]{3})\]", line)
        if not found:
            continue
        sector = found.group(2)
        nouns = [found.group(1)]
        for name, words in macros.items():
            nouns = [n.replace(name, w) for n in nouns for w in words] if any(name in n for n in nouns) else nouns
        for noun in nouns:
            if re.search(r"[{}!]", noun):
                out.skip("agent with a form we do not expand")
                continue
            out.agents.append(DictAgent(_phrase(noun), sector, _SECTOR_TYPES.get(sector, "Organization")))


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, str]]:
    """CAMEO code prefix → (PLOVER type, relation), from lexicon/cameo_roots.tsv."""
    lines = [x for x in (LEXICON_DIR / "cameo_roots.tsv").read_text(encoding="utf-8").splitlines()
             if x.strip() and not x.startswith("#")]  # fmt: skip
    rows = csv.DictReader(lines, delimiter="\t")
    return {r["cameo"]: (r["plover"] or "", r["relation"] or "") for r in rows}


def plover_for(cameo: str) -> tuple[str, str]:
    """The most specific row of the CAMEO table for a code: '0332' → '033', '03'."""
    table = cameo_table()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return ("", "")


def parse_petrarch_verbs(text: str, out: Dictionaries, relations: frozenset[str]) -> None:
    block_code = "---"
    last_verb = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        block = _VERB_BLOCK.match(line)
        if block:
            block_code, last_verb = block.group(2), _phrase(block.group(1).split()[0])
            continue
        if not line.strip() or line.startswith(("&", "+", "====", "<")) or block_code == "":
            continue
        if line.startswith("-"):
            pattern = _PLAIN_PATTERN.match(line)
            if not pattern:
                out.skip("verb pattern with more than plain words")
                continue
            _add_verb(out, f"{last_verb} ... {pattern.group(1).strip()}", pattern.group(2), relations)
            continue
        codes = _CODE.findall(line)
        verb = _phrase(re.sub(r"\{.*?\}", "", _CODE.sub("", line)))
        if verb and " " not in verb:
            _add_verb(out, verb, codes[0][0] if codes else block_code, relations)


def _add_verb(out: Dictionaries, form: str, cameo: str, relations: frozenset[str]) -> None:
    if not cameo.isdigit():
        out.skip("verb without a code")
        return
    plover, relation = plover_for(cameo)
    if not relation or relation not in relations:
        out.skip(f"CAMEO {cameo[:2]}: no relation of ours")
        return
    out.verbs.append(DictVerb(form.lower(), cameo, plover, relation))


def parse_actor_csv(text: str, source: str, out: Dictionaries) -> None:
    rows = list(csv.DictReader(text.splitlines()))
    by_name: dict[str, DictActor] = {}
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            out.skip("CSV row without a name")
            continue
        code = ((row.get("country") or "").strip() + (row.get("sector") or "").strip()).upper()
        start, end = ((row.get(k) or "").strip() or None for k in ("valid_from", "valid_to"))
        dated = DatedCode(code, start, end)
        actor = by_name.get(name)
        if actor is None:
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            kind = (row.get("type") or "").strip() or type_for_code(code, bool(dated.start or dated.end))
            actor = by_name[name] = DictActor(name, aliases, kind, [], source)
            out.actors.append(actor)
        if code:
            actor.codes.append(dated)


def _relations() -> frozenset[str]:
    from actorgraph.ontology.namespace import RELATIONS

    return frozenset(RELATIONS)


def read_dictionary(path: Path, out: Dictionaries) -> None:
    """Add one file's entries to ``out``; the format is told from the content."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DictionaryError(f"cannot read dictionary {path}: {getattr(err, 'strerror', None) or err}") from None
    body = [x for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#")]
    first = body[0].lower().replace(" ", "") if body else ""
    if first.startswith("name,"):
        missing = [c for c in ("name",) if c not in first.split(",")]
        if missing:
            raise DictionaryError(f"{path}: the CSV header needs {', '.join(missing)}")
        parse_actor_csv("\n".join(body), str(path), out)
    elif any(_VERB_BLOCK.match(x) for x in body):
        parse_petrarch_verbs(text, out, _relations())
    elif any("[~" in x for x in body):
        parse_petrarch_agents(text, out)
    elif any(_CODE.search(x) for x in body):
        parse_petrarch_actors(text, str(path), out)
    else:
        raise DictionaryError(f"{path}: not a CSV of actors nor a PETRARCH actor, agent or verb dictionary")


def configured() -> tuple[Path, ...]:
    """The dictionary files in force: the environment variable, else the user's config file."""
    env = os.environ.get(ENV, "")
    if env.strip():
        return tuple(Path(p) for p in env.split(os.pathsep) if p.strip())
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "actorgraph" / "config.toml"
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ()
    return tuple(Path(p).expanduser() for p in data.get("dictionaries", []) if isinstance(p, str))


@lru_cache(maxsize=8)
def load_dictionaries(paths: tuple[Path, ...]) -> Dictionaries:
    out = Dictionaries()
    for path in paths:
        read_dictionary(path, out)
    return out


def in_force() -> Dictionaries:
    return load_dictionaries(configured())


def _lang_of(text: str) -> str:
    return "ar" if re.search(r"[\u0600-\u06FF]", text) else "en"


@lru_cache(maxsize=8)
def dictionary_triggers(lang: str, paths: tuple[Path, ...]) -> tuple[TriggerRule, ...]:
    """The dictionaries' verbs as trigger rows: the subject acts on the object; symmetric relations pair."""
    from actorgraph.ontology.namespace import SYMMETRIC_RELATIONS

    if not paths:
        return ()
    rows = []
    for verb in load_dictionaries(paths).verbs:
        if _lang_of(verb.form) == lang:
            frame = "sym" if verb.relation in SYMMETRIC_RELATIONS else "act"
            rows.append(TriggerRule(lang, verb.relation, (), verb.plover, frame, "verb", (verb.form,), (), 6,
                                    ("actor",)))  # fmt: skip
    return tuple(rows)


@lru_cache(maxsize=8)
def dictionary_heads(paths: tuple[Path, ...]) -> tuple[Head, ...]:
    if not paths:
        return ()
    return tuple(Head(_lang_of(a.noun), a.noun.lower(), a.type, a.noun.lower(), False)
                 for a in load_dictionaries(paths).agents)  # fmt: skip
