"""A small mixed corpus: the two seed articles, a nested folder of .md/.html/.txt and a JSONL file with
bad lines, so every input path and every failure path is exercised by real extraction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EN_MD = """# Talks in Geneva

Russian Foreign Minister Sergey Lavrov met with U.S. Secretary of State Marco Rubio in Geneva on Tuesday.
The two sides agreed to continue negotiations, officials said.
Iran did not sign the Treaty on the Non-Proliferation of Nuclear Weapons.
France will host the summit next year.
"""

AR_HTML = """<html><head><title>قمة في الرياض</title></head><body>
<p>التقى ولي العهد السعودي الأمير محمد بن سلمان بالرئيس الأمريكي دونالد ترامب في الرياض يوم الثلاثاء.</p>
<p>وانتقدت إيران العقوبات الأمريكية الجديدة.</p>
<p>ووقعت السعودية والولايات المتحدة على اتفاقية دفاعية.</p>
</body></html>
"""

EN_TXT = """China criticized Japan over the new defense budget on Monday.
Japanese Prime Minister Shigeru Ishiba visited Washington last week.
NATO Secretary General Mark Rutte met with Ukrainian President Volodymyr Zelensky in Brussels.
"""

JSONL_RECORDS: list[str] = [
    json.dumps({"text": "Egypt hosted talks between Israel and Hamas in Cairo on Sunday. Qatar supported the talks.",
                "title": "Cairo talks", "url": "https://example.org/cairo", "date": "2025-03-02", "lang": "en"}),
    '{"text": "broken line, not JSON',
    json.dumps({"text": "التقى وزير الخارجية التركي هاكان فيدان بنظيره الإيراني عباس عراقجي في أنقرة.",
                "url": "https://example.org/ankara", "date": "2025-04-10"}, ensure_ascii=False),
    "",
    json.dumps({"text": ""}),
    json.dumps(["not", "an", "object"]),
    json.dumps({"text": "Germany sanctioned Russia again. Poland supported the decision.", "lang": "en"}),
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """tmp/corpus: 2 seeds + 3 nested articles + corpus.jsonl (4 good lines of 7, 3 bad, 1 blank)."""
    root = tmp_path / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, root / seed.name)
    (root / "nested" / "geneva.md").write_text(EN_MD, encoding="utf-8")
    (root / "nested" / "deeper" / "riyadh.html").write_text(AR_HTML, encoding="utf-8")
    (root / "nested" / "deeper" / "tokyo.txt").write_text(EN_TXT, encoding="utf-8")
    (root / "nested" / "ignored.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "corpus.jsonl").write_text("\n".join(JSONL_RECORDS) + "\n", encoding="utf-8")
    return root


def quads(store) -> set:  # type: ignore[no-untyped-def]
    """Every quad of a store, as comparable rdflib terms (works for any GraphStore)."""
    return set(store.quads())
