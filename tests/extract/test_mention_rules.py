"""The mention finder's contract with the languages: each language folder gives its hooks, every word set
the finder asks for exists, and each set is written in one lexicon file."""

from __future__ import annotations

import ast
import csv
from dataclasses import fields
from pathlib import Path

import pytest

from actorgraph.extract import extract_text, roles
from actorgraph.extract.lang import read_wordsets
from actorgraph.extract.lookup import LexiconRules, lexicon_rules
from actorgraph.extract.mentions.rules import MentionRules, rules_for
from actorgraph.ontology import LEXICON_DIR
from actorgraph.ontology.gazetteer import load_gazetteer
from actorgraph.ontology.lexicon import titles

EXTRACT = Path(__file__).resolve().parents[2] / "actorgraph" / "extract"
LANGS = ("ar", "en")
# Calls that name a word set: profile(...).words("x"), f.words("x"), f.p.phrases("x"), _AR.words("x").
SET_CALLS = {"words", "phrases"}
# The language modules of mention finding (relation finding checks its own).
MENTION_MODULES = ("mentions", "titles", "names", "places", "heads", "appositions", "gloss", "keys", "lexicon")


def _asked_sets(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SET_CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_gives_all_hooks(lang: str) -> None:
    rules = rules_for(lang)
    assert isinstance(rules, MentionRules)
    for f in fields(MentionRules):
        value = getattr(rules, f.name)
        assert isinstance(value, bool) or callable(value), f.name
    lexicon = lexicon_rules(lang)
    assert isinstance(lexicon, LexiconRules)
    for f in fields(LexiconRules):
        value = getattr(lexicon, f.name)
        assert isinstance(value, bool) or callable(value), f.name


def test_a_language_without_rules_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no mention rules"):
        rules_for("xx")


@pytest.mark.parametrize("lang", LANGS)
def test_every_set_a_language_module_asks_for_exists(lang: str) -> None:
    """A misspelt set name would silently read as an empty set."""
    have = read_wordsets(lang)
    for path in sorted((EXTRACT / "lang" / lang).glob("*.py")):
        if path.stem not in MENTION_MODULES:
            continue
        missing = _asked_sets(path) - set(have)
        assert not missing, (path.name, missing)


def test_every_set_the_core_asks_for_exists_in_some_language() -> None:
    have = set().union(*(read_wordsets(lang) for lang in LANGS))
    for path in sorted((EXTRACT / "mentions").glob("*.py")):
        missing = _asked_sets(path) - have
        assert not missing, (path.name, missing)


@pytest.mark.parametrize("lang", LANGS)
def test_a_set_is_written_in_one_file(lang: str) -> None:
    """Sets of one language are merged across its files; one name in two files would mix two sets."""
    where: dict[str, str] = {}
    for path in sorted(LEXICON_DIR.glob(f"wordsets_{lang}*.tsv")):
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
        for name in {row["set"] for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}:
            assert where.setdefault(name, path.name) == path.name, (name, where[name], path.name)


def test_roles_are_known_role_keys() -> None:
    known = {e.role for e in load_gazetteer().entries.values() if e.role} | {t.role for t in titles()}
    assert set(roles.roles()) <= known
    assert roles.family("king") == roles.family("president") == "head_of_state"
    assert roles.family("no_such_role") == "no_such_role"
    assert roles.one_holder("prime_minister") and not roles.one_holder("ambassador")


def test_a_title_names_a_new_person_in_either_language() -> None:
    """Invented sentences (no dev-set wording): a title, an unknown name, the office it holds."""
    en = extract_text("Kenyan Foreign Minister Wanjiru Kamau said the talks would resume.", lang="en", model="none")
    ar = extract_text("قال وزير الخارجية الكيني وانجيرو كاماو إن المحادثات ستستأنف.", lang="ar", model="none")
    for x, label in ((en, "Wanjiru Kamau"), (ar, "وانجيرو كاماو")):
        people = [e for e in x.entities.values() if e.type == "Person"]
        assert len(people) == 1 and label in (people[0].label_en, people[0].label_ar), people
        held = [r for r in x.relations if r.subject == people[0].key and r.relation == "holdsPosition"]
        assert held, x.relations


def test_an_arabic_family_name_is_not_a_common_noun() -> None:
    """A third word after an unknown two-word name is a family name only when it is no word the glossary
    translates: التقى ... وانجيرو كاماو الصحفيين "met the journalists"."""
    x = extract_text("التقى وزير الخارجية الكيني وانجيرو كاماو الصحفيين في نيروبي.", lang="ar", model="none")
    assert [e.label_ar for e in x.entities.values() if e.type == "Person"] == ["وانجيرو كاماو"]
