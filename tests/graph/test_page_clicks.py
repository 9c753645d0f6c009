"""The graph page as a person uses it, in a real Chromium over WebDriver: filter clicks, search in both
scripts, a node's evidence, the shared URL, the core of a large graph and its labels.

Pages: the seed articles and a corpus of a few hundred synthetic articles (benchmarks.synthetic, drawn from
the gazetteer and the trigger lexicon), both built by the real pipeline (`actorgraph build`), and the
hand-made story of actor_graph_examples (it has event dates). What a filter should leave is computed here
from the page's own data by the rules the page states (an independent re-implementation), and compared
with the counts the page shows and with what vis-network itself holds as drawn.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from actor_graph_examples import tokyo_washington
from browser import HEIGHT, WIDTH, chromium_driver, decode_png, missing, open_page
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.graph.render import render_html

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")
SEED_EN = "000_18620a851a5501f3.en.txt"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def page_data(page: Path) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found[1])
    return data


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with chromium_driver(tmp_path_factory.mktemp("chromium")) as d:
        yield d


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-page")
    invoke("build", str(ROOT / "seeds"), "--out", str(out), "--model", "none", "--no-validate")
    return out / "graph.html"


@pytest.fixture(scope="module")
def story_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(tokyo_washington(), tmp_path_factory.mktemp("story") / "story.html")


@pytest.fixture(scope="module")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture corpus of synthetic news (Arabic and English), built like any corpus: over 500 actors."""
    from benchmarks.synthetic import write_jsonl

    out = tmp_path_factory.mktemp("big-page")
    write_jsonl(out / "corpus.jsonl", 900, seed=17)
    invoke("build", str(out / "corpus.jsonl"), "--out", str(out), "--model", "none", "--no-validate")
    return out / "graph.html"


# --------------------------------------------------------------------------- what should be drawn


def expected(
    data: dict[str, Any],
    *,
    types: set[str] = frozenset(),  # type: ignore[assignment]
    relations: set[str] = frozenset(),  # type: ignore[assignment]
    modalities: set[str] = frozenset(),  # type: ignore[assignment]
    since: str = "",
    until: str = "",
    scope: set[int] | None = None,
) -> dict[str, int]:
    """The page's rules: a link is drawn when its relation, modality and both ends' types are on, one of its
    dates is in the range (when one is set) and both ends are in scope; an entity when one of its links is."""
    nodes = {n["id"]: n for n in data["nodes"]}

    def allowed(i: int) -> bool:
        return nodes[i]["type"] not in types and (scope is None or i in scope)

    def dated(e: dict[str, Any]) -> bool:
        return not (since or until) or any(
            (not since or d >= since) and (not until or d[: len(until)] <= until) for d in e["dates"]
        )

    links = [
        e for e in data["edges"]
        if e["relation"] not in relations and e["modality"] not in modalities and dated(e)
        and allowed(e["from"]) and allowed(e["to"])
    ]  # fmt: skip
    shown = {e["from"] for e in links} | {e["to"] for e in links}
    actors = sum(1 for i in shown if nodes[i]["actor"])
    return {"actors": actors, "others": len(shown) - actors, "links": len(links)}


def drawn(driver: Any) -> dict[str, int]:
    """The counts the page shows, checked against the nodes and edges vis-network draws."""
    shown = driver.execute_script(
        """const n = window.actorgraph.network, text = id => Number(document.getElementById(id).textContent);
        return {actors: text('actor-count'), others: text('entity-count'), links: text('link-count'),
                vis_nodes: n.body.nodeIndices.length, vis_edges: n.body.edgeIndices.length};"""
    )
    assert shown["vis_nodes"] == shown["actors"] + shown["others"], shown
    assert shown["vis_edges"] == shown["links"], shown
    return {k: shown[k] for k in ("actors", "others", "links")}


def positions(driver: Any) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = driver.execute_script(
        "const n = window.actorgraph.network; return n.getPositions(n.body.nodeIndices);"
    )
    return result


def click_filter(driver: Any, box: str, name: str) -> None:
    driver.find_element("css selector", f'#{box} input[value="{name}"]').click()


def fragment(driver: Any) -> str:
    return str(driver.execute_script("return decodeURIComponent(window.location.hash)"))


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("which", ["seed", "big"])
def test_each_kind_of_filter_hides_and_shows_in_place(which: str, driver, seed_page, big_page) -> None:
    page = seed_page if which == "seed" else big_page
    data = page_data(page)
    open_page(driver, page)
    scope = set(data["core"]) if data["core"] else None
    everything = drawn(driver)
    assert everything == expected(data, scope=scope)
    if which == "big":
        assert sum(1 for n in data["nodes"] if n["actor"]) >= 200
        assert everything["actors"] >= 100  # the core of the large graph: not a few stragglers
    before = positions(driver)
    nodes = {n["id"]: n for n in data["nodes"]}
    relation = max({e["relation"] for e in data["edges"]}, key=lambda r: sum(e["relation"] == r for e in data["edges"]))
    modality = next(m for m in ("hedged", "future", "negated") if any(e["modality"] == m for e in data["edges"]))
    for box, name, rule in (
        ("type-filter", "Position", {"types": {"Position"}}),
        ("type-filter", "State", {"types": {"State"}}),
        ("relation-filter", relation, {"relations": {relation}}),
        ("modality-filter", modality, {"modalities": {modality}}),
    ):
        click_filter(driver, box, name)
        now = drawn(driver)
        assert now == expected(data, scope=scope, **rule), (box, name)
        if which == "seed":
            assert now != everything, (box, name)  # each of these takes something off the seed graph
        assert fragment(driver) == f"#hide-{next(iter(rule))}={name}"
        # In place: what stays drawn has not moved (no new layout).
        after = positions(driver)
        assert after and all(after[i] == before[i] for i in after), (box, name)
        if rule.get("types"):
            assert not any(nodes[int(i)]["type"] == name for i in after)
        click_filter(driver, box, name)
        assert drawn(driver) == everything, (box, name)
        assert fragment(driver) == ""


def test_filters_combine_and_the_url_fragment_restores_them(driver, seed_page) -> None:
    data = page_data(seed_page)
    open_page(driver, seed_page)
    click_filter(driver, "type-filter", "Position")
    click_filter(driver, "modality-filter", "hedged")
    combined = expected(data, types={"Position"}, modalities={"hedged"})
    assert drawn(driver) == combined
    shared = fragment(driver)
    assert shared == "#hide-types=Position&hide-modalities=hedged"
    # The same view from the link alone: counts and checkboxes.
    open_page(driver, seed_page, shared)
    assert drawn(driver) == combined
    checked = driver.execute_script(
        "return [...document.querySelectorAll('#filters input[type=checkbox]')].filter(i => !i.checked)"
        ".map(i => i.value)"
    )
    assert sorted(checked) == ["Position", "hedged"]


def test_date_range_shows_only_links_of_those_dates(driver, story_page, seed_page) -> None:
    data = page_data(story_page)
    open_page(driver, story_page)
    assert driver.find_element("id", "date-section").is_displayed()
    everything = drawn(driver)
    set_date = """const input = document.getElementById(arguments[0]); input.value = arguments[1];
                  input.dispatchEvent(new Event('change'));"""
    driver.execute_script(set_date, "date-from", "2025-05-01")
    driver.execute_script(set_date, "date-to", "2025-05-31")
    may = drawn(driver)
    assert may == expected(data, since="2025-05-01", until="2025-05-31")
    assert 0 < may["links"] < everything["links"]
    assert fragment(driver) == "#from=2025-05-01&to=2025-05-31"
    driver.execute_script(set_date, "date-from", "")
    driver.execute_script(set_date, "date-to", "")
    assert drawn(driver) == everything
    # No link has a date on the seed page (today): no date control to confuse anyone.
    if not any(e["dates"] for e in page_data(seed_page)["edges"]):
        open_page(driver, seed_page)
        assert not driver.find_element("id", "date-section").is_displayed()


# --------------------------------------------------------------------------- search and evidence


def search(driver: Any, text: str) -> str:
    box = driver.find_element("id", "search")
    box.clear()
    box.send_keys(text)
    return str(driver.find_element("id", "search-result").text)


def test_search_in_english_and_arabic_finds_the_same_actor(driver, seed_page) -> None:
    data = page_data(seed_page)
    open_page(driver, seed_page)
    nakatani = next(n["id"] for n in data["nodes"] if n["label_en"] == "Gen Nakatani")
    for query in ("nakatani", "ناكاتاني", "جين ناكاتاني"):
        assert search(driver, query) == "1 actor", query
        assert driver.execute_script("return window.actorgraph.network.getSelectedNodes()") == [nakatani]
        assert fragment(driver) == f"#search={query}"
    assert search(driver, "اليابان") != "0 actors"  # Japan, in Arabic script
    assert search(driver, "no such actor anywhere") == "0 actors"


def click_node(driver: Any, node: int) -> None:
    """Click on the node where it is drawn, as a person would."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#network canvas")
    x, y = driver.execute_script(
        """const n = window.actorgraph.network, p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);
        return [p.x, p.y];""",
        node,
    )
    ActionChains(driver).move_to_element_with_offset(
        canvas, round(x - canvas.size["width"] / 2), round(y - canvas.size["height"] / 2)
    ).click().perform()


def test_a_nodes_evidence_names_its_documents_and_marks_both_actors(driver, seed_page) -> None:
    data = page_data(seed_page)
    open_page(driver, seed_page)
    nakatani = next(n for n in data["nodes"] if n["label_en"] == "Gen Nakatani")
    click_node(driver, nakatani["id"])
    details = driver.find_element("id", "details")
    text = details.text
    assert "Gen Nakatani" in text and "جين ناكاتاني" in text
    # Each source by its file name (the seeds have no title), with its language; never the document's hash.
    assert SEED_EN in text and "English" in text
    assert "000_18620a851a5501f3.txt" in text and "Arabic" in text
    assert "doc-" not in text
    # The sentences, with the two actors of each link marked.
    cards = details.find_elements("css selector", ".card")[1:]
    assert cards
    for card in cards:
        quotes = card.find_elements("css selector", "blockquote")
        assert quotes
        marked = [m.text for q in quotes for m in q.find_elements("css selector", "mark")]
        assert marked, card.text
    marks = [m.text for m in details.find_elements("css selector", "blockquote mark.subject, blockquote mark.object")]
    assert any("Nakatani" in m for m in marks) and any("ناكاتاني" in m for m in marks)


def test_evidence_is_text_whatever_the_article_says(driver, story_page) -> None:
    from actor_graph_examples import HOSTILE_SENTENCE, SCRIPT_LABEL

    open_page(driver, story_page, "#search=" + SCRIPT_LABEL.replace("<", "%3C").replace(">", "%3E"))
    details = driver.find_element("id", "details").text
    assert SCRIPT_LABEL in details and HOSTILE_SENTENCE[:40] in details
    assert driver.execute_script("return document.querySelectorAll('script').length") == 4
    assert driver.execute_script("return document.querySelectorAll('#details *:not(div):not(h3):not(span)"
                                 ":not(blockquote):not(mark)').length") == 0


# --------------------------------------------------------------------------- a large graph


def test_large_graph_opens_on_its_core_and_shows_all_on_request(driver, big_page) -> None:
    data = page_data(big_page)
    assert data["core"] and len(data["nodes"]) > len(data["core"])
    open_page(driver, big_page)
    note = driver.find_element("id", "scope-note").text
    assert f"Showing the {len(data['core'])} best-connected of {len(data['nodes'])} entities" in note
    core = drawn(driver)
    driver.find_element("id", "show-all").click()
    every = drawn(driver)
    assert every == expected(data) and every["actors"] > core["actors"]
    assert fragment(driver) == "#all=1"
    driver.find_element("id", "show-all").click()
    assert drawn(driver) == core
    # An actor outside the core is found by search, and drawn.
    outside = next(n for n in sorted(data["nodes"], key=lambda n: -n["rank"]) if n["actor"] and n["label_en"])
    assert search(driver, outside["label_en"]).endswith(("actor", "actors"))
    assert driver.execute_script("return window.actorgraph.network.body.nodeIndices.map(String)").count(
        str(outside["id"])
    ) == 1


def test_large_graph_first_screenshot_has_legible_labels(driver, big_page) -> None:
    """At least 20 labels on the first view: each drawn at least 12 px high on screen, inside the canvas,
    not covering another, and with dark text pixels inside its box on the screenshot itself."""
    data = page_data(big_page)
    assert sum(1 for n in data["nodes"] if n["actor"]) >= 500
    open_page(driver, big_page)
    boxes = driver.execute_script(
        """const n = window.actorgraph.network, scale = n.getScale(), frame = n.body.container.getBoundingClientRect();
        return window.actorgraph.labelled().map(id => {
          // vis draws a label vadjust canvas units below where its size says (the page moves some above).
          const label = n.body.nodes[id].labelModule, size = label.size, shift = label.fontOptions.vadjust || 0;
          const a = n.canvasToDOM({x: size.left, y: size.top + shift});
          const b = n.canvasToDOM({x: size.left + size.width, y: size.top + size.height + shift});
          return {id: id, px: Math.min(label.fontOptions.size * scale, label.elementOptions.scaling.label.maxVisible),
                  left: frame.left + a.x, top: frame.top + a.y, right: frame.left + b.x, bottom: frame.top + b.y,
                  frame: [frame.left, frame.top, frame.right, frame.bottom]};
        });"""
    )
    width, height, rows = decode_png(driver.get_screenshot_as_png())
    assert (width, height) == tuple(driver.execute_script("return [window.innerWidth, window.innerHeight]"))
    assert width <= WIDTH and height <= HEIGHT
    legible = []
    for box in boxes:
        left, top, right, bottom = (round(box[k]) for k in ("left", "top", "right", "bottom"))
        fl, ft, fr, fb = box["frame"]
        if box["px"] < 12 or left < fl or top < ft or right > fr or bottom > fb:
            continue
        dark = sum(
            1
            for row in rows[top:bottom]
            for x in range(left, right)
            if max(row[3 * x : 3 * x + 3]) < 110  # the label's text colour (#343434), not a node's fill
        )
        if dark >= 30:
            legible.append(box)
    overlapping = [
        (a["id"], b["id"]) for i, a in enumerate(legible) for b in legible[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]  # fmt: skip
    assert len(legible) >= 20, f"{len(legible)} legible labels of {len(boxes)} labelled"
    assert not overlapping
    # All of it at once: still at least 20 labels, none cut off by the canvas's edge.
    driver.find_element("id", "show-all").click()
    every = label_boxes(driver)
    assert len(every) >= 20
    assert all(b["left"] >= 0 and b["right"] <= b["width"] and b["top"] >= 0 and b["bottom"] <= b["height"]
               for b in every)  # fmt: skip


def label_boxes(driver: Any) -> list[dict[str, Any]]:
    """Each labelled node's label as vis-network draws it, in page pixels, with the canvas's frame."""
    boxes: list[dict[str, Any]] = driver.execute_script(
        """const n = window.actorgraph.network, frame = n.body.container.getBoundingClientRect();
        return window.actorgraph.labelled().map(id => {
          const label = n.body.nodes[id].labelModule, size = label.size, shift = label.fontOptions.vadjust || 0;
          const a = n.canvasToDOM({x: size.left, y: size.top + shift});
          const b = n.canvasToDOM({x: size.left + size.width, y: size.top + size.height + shift});
          return {id: id, left: a.x, top: a.y, right: b.x, bottom: b.y, width: frame.width, height: frame.height};
        });"""
    )
    return boxes


@pytest.mark.parametrize("which", ["seed", "big"])
def test_first_view_is_settled_and_clips_no_label(which: str, driver, seed_page, big_page) -> None:
    import time

    page = seed_page if which == "seed" else big_page
    open_page(driver, page)
    before = positions(driver)
    time.sleep(1.0)
    assert positions(driver) == before  # physics has stopped: nothing drifts while a person reads
    boxes = label_boxes(driver)
    assert len(boxes) >= (5 if which == "seed" else 20)
    clipped = [
        b for b in boxes if b["left"] < 0 or b["top"] < 0 or b["right"] > b["width"] or b["bottom"] > b["height"]
    ]  # fmt: skip
    assert not clipped
    # Every drawn node is inside the canvas too.
    outside = driver.execute_script(
        """const n = window.actorgraph.network, frame = n.body.container.getBoundingClientRect();
        const at = n.getPositions(n.body.nodeIndices);
        return Object.values(at).map(p => n.canvasToDOM(p))
          .filter(p => p.x < 0 || p.y < 0 || p.x > frame.width || p.y > frame.height).length;"""
    )
    assert outside == 0


def test_evidence_gives_the_event_date(driver, story_page) -> None:
    data = page_data(story_page)
    open_page(driver, story_page)
    china = next(n for n in data["nodes"] if n["label"] == "China")
    click_node(driver, china["id"])
    text = driver.find_element("id", "details").text
    assert "event 2025-06-01" in text and "event 2025-04-10" in text and "English" in text


def label_px(driver: Any, node: int) -> float:
    """How high vis-network draws ``node``'s label on screen now (0: not drawn, under its threshold)."""
    px: float = driver.execute_script(
        """const n = window.actorgraph.network, label = n.body.nodes[arguments[0]].labelModule;
        const px = label.fontOptions.size * n.getScale();
        return px < label.elementOptions.scaling.label.drawThreshold - 1 ? 0 : px;""",
        node,
    )
    return px


def test_other_labels_show_on_hover_and_when_zoomed_in(driver, big_page) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin

    open_page(driver, big_page)
    labelled = set(driver.execute_script("return window.actorgraph.labelled()"))
    shown = driver.execute_script("return window.actorgraph.network.body.nodeIndices")
    unlabelled = [i for i in shown if i not in labelled]
    assert unlabelled and all(label_px(driver, i) == 0 for i in unlabelled[:50])
    # Hover: the pointer on an unlabelled node (one no other node covers) draws its label, legibly; leaving
    # it hides the label again.
    canvas = driver.find_element("css selector", "#network canvas")
    found = driver.execute_script(
        """const n = window.actorgraph.network;
        for (const id of arguments[0]) {
          const p = n.canvasToDOM(n.getPositions([id])[id]);
          if (n.getNodeAt(p) === id) return [id, p.x, p.y];
        }
        return null;""",
        unlabelled,
    )
    assert found is not None
    node, x, y = found
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(driver).move_to_element_with_offset(canvas, round(x - w / 2), round(y - h / 2)).perform()
    assert label_px(driver, node) >= 12
    ActionChains(driver).move_to_element_with_offset(canvas, -w // 2 + 2, -h // 2 + 2).perform()
    assert label_px(driver, node) == 0
    # Zoom in with the mouse wheel: every label in view is drawn.
    before = driver.execute_script("return window.actorgraph.network.getScale()")
    for _ in range(40):  # vis zooms 10% a wheel step; the page draws every label from 0.8 (and 1.3x the fit)
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(canvas), 0, -300).perform()
        if driver.execute_script("return window.actorgraph.network.getScale()") > max(0.9, 1.5 * before):
            break
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert all(label_px(driver, i) >= 9 for i in unlabelled[:50])


def test_a_link_label_shows_on_hover(driver, seed_page) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(driver, seed_page)
    canvas = driver.find_element("css selector", "#network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    found = driver.execute_script(
        """const n = window.actorgraph.network;
        for (const id of n.body.edgeIndices) {  // a link's midpoint that is on no node
          const e = n.body.edges[id], a = n.canvasToDOM(e.from), b = n.canvasToDOM(e.to);
          const m = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
          if (n.getEdgeAt(m) === id && n.getNodeAt(m) === undefined) return [id, m.x, m.y];
        }
        return null;"""
    )
    assert found is not None
    edge, x, y = found
    edge_px = "const n = window.actorgraph.network; return n.body.edges[arguments[0]].options.font.size * n.getScale();"
    assert driver.execute_script(edge_px, edge) < 8  # not drawn at the first view's zoom
    ActionChains(driver).move_to_element_with_offset(canvas, round(x - w / 2), round(y - h / 2)).perform()
    assert driver.execute_script(edge_px, edge) >= 12
    ActionChains(driver).move_to_element_with_offset(canvas, -w // 2 + 3, -h // 2 + 3).perform()
    assert driver.execute_script(edge_px, edge) < 8
    assert driver.find_element("id", "errors").get_attribute("textContent") == ""


def test_label_language_switch_keeps_labels_apart(driver, big_page) -> None:
    from selenium.webdriver.support.ui import Select

    open_page(driver, big_page)
    Select(driver.find_element("id", "label-mode")).select_by_value("ar")
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    boxes = label_boxes(driver)
    assert len(boxes) >= 20
    texts = driver.execute_script(
        "return window.actorgraph.labelled().map(id => window.actorgraph.network.body.nodes[id].options.label)"
    )
    assert sum(1 for t in texts if re.search("[\u0600-\u06ff]", t)) >= 20  # Arabic labels now
    overlapping = [
        (a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]  # fmt: skip
    assert not overlapping
