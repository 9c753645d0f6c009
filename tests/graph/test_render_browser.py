"""The page in a real browser: headless Debian Chromium, networking off.

Checks that vis-network drew the graph (every actor has a position, their colours are on the
screenshot), that nothing raised or violated the page's Content-Security-Policy, and that
hostile article text shown in the page stays text. Skipped when /usr/bin/chromium is absent
(``make system-deps`` installs it).
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from actor_graph_examples import HOSTILE_SENTENCE, SCRIPT_LABEL, hub_and_spokes, tokyo_washington
from browser import decode_png
from rdflib import Graph

from actorgraph.graph.render import TYPE_STYLES, render_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)
WIDTH, HEIGHT = 1200, 800
# The network's part of the window: right of the filters (14em), left of the details (22em).
CANVAS_BOX = (220, 60, 870, 790)


def chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``url`` with every way out to the network closed."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--proxy-server=127.0.0.1:9",  # discard port: any request would fail
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=10000",  # vis-network draws after load, on timers
        f"--window-size={WIDTH},{HEIGHT}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        url,
    ]
    # Its own session, so a hung browser and all its helper processes can be stopped together.
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"chromium did not finish on {url}")
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


class Dom(HTMLParser):
    """The dumped DOM: tags with attributes, and the text of each element with an id."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"input", "meta", "br", "img", "link"}:
            self._open.append(dict(attrs).get("id"))
            if self._open[-1]:
                self.text_by_id.setdefault(self._open[-1], "")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag not in {"input", "meta", "br", "img", "link"}:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data

    def body(self) -> dict[str, str | None]:
        return next(attrs for tag, attrs in self.tags if tag == "body")


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> tuple[Dom, str]:
    result = chromium(page.as_uri() + fragment, tmp_path / "profile-dom", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    return Dom(result.stdout), result.stderr


def screenshot(page: Path, tmp_path: Path) -> tuple[int, int, list[bytes]]:
    png = tmp_path / f"{page.stem}.png"
    result = chromium(page.as_uri(), tmp_path / f"profile-{page.stem}", f"--screenshot={png}")
    assert result.returncode == 0 and png.exists(), result.stderr[-2000:]
    return decode_png(png.read_bytes())


def colours(image: tuple[int, int, list[bytes]], box: tuple[int, int, int, int]) -> Counter[bytes]:
    """How many pixels of each RGB colour there are inside ``box`` (x0, y0, x1, y1)."""
    _, _, rows = image
    x0, y0, x1, y1 = box
    found: Counter[bytes] = Counter()
    for row in rows[y0:y1]:
        part = row[3 * x0 : 3 * x1]
        found.update(part[i : i + 3] for i in range(0, len(part), 3))
    return found


def near(histogram: Counter[bytes], hex_colour: str, tolerance: int = 8) -> int:
    """Pixels within ``tolerance`` of a colour on every channel (anti-aliasing shifts edges a little)."""
    want = bytes.fromhex(hex_colour.lstrip("#"))
    return sum(
        n
        for rgb, n in histogram.items()
        if all(abs(a - b) <= tolerance for a, b in zip(rgb, want, strict=True))
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    return {
        "story": render_html(tokyo_washington(), out / "story.html"),
        "empty": render_html(Graph(), out / "empty.html"),
        "large": render_html(hub_and_spokes(400, chain=20), out / "large.html", max_nodes=300),
    }


def test_graph_is_drawn_without_errors(pages, tmp_path):
    dom, stderr = dump_dom(pages["story"], tmp_path)
    assert dom.body().get("data-state") == "drawn"
    assert dom.text_by_id["node-count"] == "8"  # every actor got a position
    assert dom.text_by_id["errors"] == "" and "data-errors" not in dom.body()
    assert "Uncaught" not in stderr
    # The legend and the filters list what is in the graph.
    legend = dom.text_by_id["type-filter"]
    for type_ in ("ArmedGroup", "Person", "State", "Summit"):
        assert type_ in legend
    assert "met (1)" in dom.text_by_id["relation-filter"]
    assert "hedged (1)" in dom.text_by_id["modality-filter"]


def test_hostile_text_shown_in_the_page_stays_text(pages, tmp_path):
    # The page's own link format opens the hostile actor's details: label and evidence on screen.
    dom, _ = dump_dom(pages["story"], tmp_path, "#search=" + quote(SCRIPT_LABEL))
    details = dom.text_by_id["details"]
    assert SCRIPT_LABEL in details
    assert HOSTILE_SENTENCE[:60] in details  # the evidence sentence, as text
    assert dom.text_by_id["search-result"] == "1 actor"
    assert [tag for tag, _ in dom.tags].count("script") == 4  # nothing was added or run
    assert not [tag for tag, _ in dom.tags if tag in {"img", "iframe", "object", "embed", "a"}]
    assert not [(tag, attrs) for tag, attrs in dom.tags if any(name.startswith("on") for name in attrs)]
    assert dom.text_by_id["errors"] == ""


def test_screenshot_shows_the_actors(pages, tmp_path):
    drawn = screenshot(pages["story"], tmp_path)
    blank = screenshot(pages["empty"], tmp_path)
    assert drawn[:2] == (WIDTH, HEIGHT)
    in_drawn, in_blank = colours(drawn, CANVAS_BOX), colours(blank, CANVAS_BOX)
    # Node fills in their type's colour, in the network's part of the window.
    for type_ in ("State", "Person", "ArmedGroup"):
        colour = TYPE_STYLES[type_]["color"]
        assert near(in_drawn, colour) > 100, type_
        assert near(in_blank, colour) == 0, type_
    assert len(in_drawn) > 50 and len(in_blank) < len(in_drawn)  # labels, edges: not one colour


def test_large_graph_is_trimmed_and_drawn(pages, tmp_path):
    dom, _ = dump_dom(pages["large"], tmp_path)
    assert dom.body().get("data-state") == "drawn"
    assert dom.text_by_id["node-count"] == "300"
    assert "The 300 best-connected of 421 entities." in dom.text_by_id["note"]
    assert dom.text_by_id["errors"] == ""
