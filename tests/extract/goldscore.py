"""Score extractions against a gold folder the way ../shared/eval/score.py does (same label matching,
symmetric relations, optional and must-not triples), without running a subprocess per document."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from actorgraph.extract import extract_path

SYMMETRIC = {"met", "agreedwith", "cooperateswith", "negotiatedwith"}
STOP = {"of", "the", "for", "and", "s"}
SYNONYMS = {
    "defence": "defense", "us": "united states", "u s": "united states", "usa": "united states",
    "american": "united states", "japanese": "japan", "chinese": "china", "russian": "russia",
    "british": "united kingdom", "uk": "united kingdom", "french": "france", "german": "germany",
    "indian": "india", "saudi": "saudi arabia", "ukrainian": "ukraine", "iranian": "iran",
    "israeli": "israel", "egyptian": "egypt", "turkish": "turkey", "australian": "australia",
}  # fmt: skip


def norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def signature(label: str) -> str:
    words: list[str] = []
    for word in re.sub(r"\bu s\b", "us", norm_label(label)).split():
        if word not in STOP:
            words.extend(SYNONYMS.get(word, word).split())
    return " ".join(sorted(set(words)))


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


class Gold:
    def __init__(self, triples: Path, entities: Path) -> None:
        self.alias: dict[str, str] = {}
        self.sig: dict[str, str] = {}
        for row in _rows(entities) if entities.exists() else []:
            for label in [row[0], *(row[2].split("|") if len(row) > 2 else [])]:
                if label.strip():
                    self.alias.setdefault(norm_label(label), row[0].strip())
                    self.sig.setdefault(signature(label), row[0].strip())
        self.kind: dict[tuple[str, str, str], int] = {}
        for row in _rows(triples):
            for label in (row[1], row[3]):
                self.alias.setdefault(norm_label(label), label)
                self.sig.setdefault(signature(label), label)
            self.kind[self.key(row[1], row[2], row[3])] = int(row[0])
        header = triples.read_text(encoding="utf-8").splitlines()[0]
        self.text = (triples.parent / header.split(":", 1)[1].strip()).resolve()

    def canon(self, label: str) -> str:
        found = self.alias.get(norm_label(label)) or self.sig.get(signature(label)) or self._fuzzy(norm_label(label))
        return found or norm_label(label)

    def _fuzzy(self, label: str) -> str | None:
        words = label.split()
        if len(words) < 2:
            return None
        best, best_ratio = None, 0.85
        for alias, canonical in self.alias.items():
            other = alias.split()
            if len(other) < 2 or difflib.SequenceMatcher(None, words[-1], other[-1]).ratio() < 0.75:
                continue
            ratio = difflib.SequenceMatcher(None, label, alias).ratio()
            if ratio >= best_ratio:
                best, best_ratio = canonical, ratio
        return best

    def key(self, s: str, r: str, o: str) -> tuple[str, str, str]:
        s, r, o = self.canon(s), re.sub(r"[\s_\-]", "", r).casefold(), self.canon(o)
        if r in SYMMETRIC and o < s:
            s, o = o, s
        return (s, r, o)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    must_not: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score_folder(gold_dir: Path, prefix: str, model: str | None = "none") -> Score:
    total = Score()
    for triples in sorted(gold_dir.glob(f"{prefix}*.triples.tsv")):
        name = triples.name[: -len(".triples.tsv")]
        gold = Gold(triples, gold_dir / f"{name}.entities.tsv")
        x = extract_path(gold.text, model=model)
        predicted = {
            gold.key(x.entities[r.subject].label, r.relation, x.entities[r.object].label)
            for r in x.relations
            if r.modality == "asserted"
        }
        required = {k for k, v in gold.kind.items() if v == 1}
        optional = {k for k, v in gold.kind.items() if v == 0}
        forbidden = {k for k, v in gold.kind.items() if v == -1}
        total.tp += len(predicted & required)
        total.fn += len(required - predicted)
        total.fp += len(predicted - required - optional)
        total.must_not += len(predicted & forbidden)
    return total
