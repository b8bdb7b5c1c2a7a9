"""The HTML report: escaping, legend counts, placement of every decision, gold marks, batch index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

import cleaner
from cleaner import Action, Decision, Document, Filter, Result
from cleaner.report import BatchReport, colors, page_filename, render_page
from cleaner.report.gold import Gold
from cleaner.report.layout import layout

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "amnesty-russia-unhrc.txt"
PAGES = sorted(p for p in FIXTURES.rglob("*.txt") if not p.name.endswith(".gold.txt"))


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def own_text(row: lxml.html.HtmlElement) -> str:
    """A block's page text: its own text and its cuts', without labels and reasons."""
    return "".join(row.xpath("./text() | ./del/text()"))


def legend_counts(doc: lxml.html.HtmlElement) -> Counter[str]:
    return Counter({td.get("data-filter"): int(td.text) for td in doc.cssselect("td.count") if td.get("data-filter")})


def marked(doc: lxml.html.HtmlElement) -> Counter[str]:
    return Counter(el.get("data-rm") for el in doc.cssselect("[data-rm]"))


class Scripted(Filter):
    """Drops and trims what a test says, in the pass it says (a pipeline of one)."""

    name = "scripted"

    def __init__(self, drops: dict[str, int] | None = None, trims: dict[str, int] | None = None) -> None:
        self.drops = drops or {}  # block text -> pass that drops it
        self.trims = trims or {}  # text to cut out -> pass that trims it

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for block in doc.blocks:
            if self.drops.get(block.text) == doc.passno:
                yield self.drop(block, f"scripted drop in pass {doc.passno}")
            for cut, passno in self.trims.items():
                at = block.text.find(cut)
                if passno == doc.passno and at >= 0:
                    yield self.trim(block, at, at + len(cut), "scripted trim")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_decision_is_placed_and_the_kept_pieces_are_the_output(path: Path) -> None:
    result = cleaner.clean_and_explain(path.read_text(encoding="utf-8"))
    lay = layout(result)
    assert not lay.unplaced
    pieces = [text for row in lay.rows for _, text in row.pieces()]
    assert cleaner.api.render(pieces) == result.text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_legend_counts_and_marked_elements_match_removals(path: Path) -> None:
    result = cleaner.clean_and_explain(path.read_text(encoding="utf-8"))
    doc = tree(result.to_html())
    assert legend_counts(doc) == result.removals()
    assert marked(doc) == result.removals()
    total = doc.cssselect('tfoot td.count[data-filter=""]')[0]
    assert int(total.text) == sum(result.removals().values())


def test_seed_report_names_each_removed_block_and_its_reason() -> None:
    result = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8"))
    doc = tree(result.to_html())
    for d in result.decisions:
        if d.action is Action.DROP and d.passno == 1:
            row = doc.get_element_by_id(f"b{d.index}")
            assert row.get("data-rm") == d.filter
            assert row.cssselect(".tag")[0].text_content() == f"removed · {d.filter}"
            assert d.reason in row.xpath("./span[@class='why']")[0].text_content()
            assert row.get("tabindex") == "0"
    kept = [row for row in doc.cssselect(".rows > .b") if "gone" not in row.classes]
    assert [own_text(row) for row in kept][1] == result.paragraphs[1]


def test_page_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes"'
    page = f"A title\n\n{evil}\n\nA paragraph of the article, long enough to read like prose, it says.\n\n{evil}"
    result = cleaner.clean_and_explain(page, pipeline=[Scripted(drops={evil: 1})])
    html = render_page(result, gold=evil, title=evil)
    doc = tree(html)
    assert len(doc.cssselect("script")) == 1  # ours
    assert not doc.cssselect("img")
    assert html.count("<script>") == 1
    assert evil in doc.cssselect("title")[0].text_content()
    assert sum(evil == own_text(el) for el in doc.cssselect(".rows > .b")) == 2


def test_hostile_filter_names_and_reasons_are_escaped() -> None:
    hostile = '"><img src=x onerror=alert(1)><b a="'
    drop = boiler_filter(hostile)
    result = cleaner.clean_and_explain("A title\n\nBoilerplate here\n\nThe article text.", pipeline=[drop])
    doc = tree(result.to_html())
    assert not doc.cssselect("img") and not doc.cssselect("b")
    assert legend_counts(doc) == Counter({hostile: 1})
    assert marked(doc) == Counter({hostile: 1})


def boiler_filter(name: str) -> cleaner.BlockFilter:
    return cleaner.BlockFilter(name, lambda block, doc: f"reason {name}" if block.text.startswith("Boiler") else None)


def test_later_pass_decisions_land_on_their_first_pass_block() -> None:
    page = "Title line\n\nFirst paragraph of text. TAIL\n\nSecond paragraph.\n\nThird paragraph."
    pipe = [Scripted(drops={"Title line": 1, "Third paragraph.": 2}, trims={" TAIL": 2})]
    result = cleaner.clean_and_explain(page, pipeline=pipe)
    assert {d.passno for d in result.decisions} == {1, 2}
    lay = layout(result)
    assert not lay.unplaced
    rows = {row.text: row for row in lay.rows}
    assert rows["Title line"].dropped
    (trim,) = rows["First paragraph of text. TAIL"].cuts
    assert (trim.start, trim.end, trim.decision.passno) == (24, 29, 2)
    assert rows["Third paragraph."].gone and not rows["Third paragraph."].dropped
    assert cleaner.api.render([t for r in lay.rows for _, t in r.pieces()]) == result.text
    doc = tree(result.to_html())
    assert marked(doc) == result.removals()
    assert doc.get_element_by_id("b3").cssselect("del .tag")[0].text_content() == "removed · scripted (pass 2)"


def test_gold_marks_lost_and_leaked_blocks() -> None:
    article = "The council voted on Tuesday to open an inquiry into the detention of journalists."
    repeat = "open an inquiry into the detention of journalists"  # a pull quote: removed, still in the output
    leak = "Sign up for our newsletter to receive the latest updates every week."
    lost = "The inquiry will report back to the council within twelve months of its creation."
    page = "\n\n".join(["Inquiry opened", article, repeat, leak, lost, "Share:"])
    pipe = [Scripted(drops={repeat: 1, lost: 1, "Share:": 1})]
    result = cleaner.clean_and_explain(page, pipeline=pipe)
    gold = "\n".join(["Inquiry opened", article, lost])
    doc = tree(render_page(result, gold=gold))
    flagged = {el.get("data-gold"): own_text(el) for el in doc.cssselect("[data-gold]")}
    assert flagged == {"lost": lost, "leaked": leak}
    assert "✗ lost" not in doc.text_content()  # the mark is CSS, the label word is text
    assert doc.cssselect('[data-gold="lost"] .gtag')[0].text_content() == "lost"
    assert "g" in doc.cssselect('[data-gold="leaked"]')[0].classes
    assert len(doc.cssselect("#v-gold p")) == 3


def test_gold_trimmed_span_is_lost() -> None:
    page = "A headline\n\nThe body of the article goes on here. And this closing sentence matters a great deal."
    cut = " And this closing sentence matters a great deal."
    result = cleaner.clean_and_explain(page, pipeline=[Scripted(trims={cut: 1})])
    doc = tree(render_page(result, gold=page))
    (lost,) = doc.cssselect('del[data-gold="lost"]')
    assert cut.strip() in lost.text_content()
    assert "lost" in lost.cssselect(".why")[0].text_content().lower()


def test_gold_containment() -> None:
    gold = Gold("A short line\nThe quick brown fox jumps over the lazy dog.", output="The quick brown fox jumps")
    assert gold.contains("the quick brown fox") and gold.contains("A short line") and gold.contains("...")
    assert not gold.contains("a lazy brown cat sleeps all day long") and not gold.contains("short")
    assert gold.misses("over the lazy dog") and not gold.misses("quick brown fox jumps")
    assert gold.score("The quick brown fox jumps over the lazy dog. A short line") == (1.0, 1.0, 1.0)


def test_the_json_of_a_result_leaves_the_segments_out() -> None:
    result = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8"))
    assert result.segments and "segments" not in result.to_dict()


def test_a_later_pass_removal_undone_in_that_pass_shows_as_kept_text() -> None:
    drop = Decision(0, Action.DROP, "x", "scripted", text="Restore me.", passno=2)
    keep = Decision(0, Action.KEEP, "guard", "too little left", text="Restore me.", passno=2)
    result = Result(
        "Restore me.\n\nBody text stays.\n",
        [drop, keep],
        "text",
        ("en",),
        2,
        False,
        ("Restore me.", "Body text stays."),
    )
    lay = layout(result)
    assert cleaner.api.render([t for row in lay.rows for _, t in row.pieces()]) == result.text
    doc = tree(render_page(result))
    assert not doc.cssselect("#b0 del") and "restored · guard" in doc.get_element_by_id("b0").text_content()


def test_overlapping_later_pass_cuts_show_each_character_once() -> None:
    trim = Decision(0, Action.TRIM, "edges", "fused", span=(9, 14), text=" TAIL", passno=2)
    drop = Decision(0, Action.DROP, "x", "scripted", text="Para one. TAIL", passno=2)
    result = Result("", [trim, drop], "text", ("en",), 1, False, ("Para one. TAIL",))
    row = tree(render_page(result)).get_element_by_id("b0")
    assert own_text(row) == "Para one. TAIL"
    assert Counter(el.get("data-rm") for el in row.cssselect("[data-rm]")) == Counter(edges=1, x=1)


def test_a_result_without_segments_is_refused_clearly() -> None:
    decision = Decision(0, Action.DROP, "x", "why", text="gone")
    result = Result("", [decision], "text", ("en",), 1)
    with pytest.raises(ValueError, match="segments"):
        render_page(result)


def test_report_needs_no_network() -> None:
    html = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8")).to_html()
    doc = tree(html)
    assert not doc.cssselect("link, img, iframe, script[src], [href^='http']")
    assert "url(" not in html and "@import" not in html and "@font-face" not in html
    assert "default-src 'none'" in doc.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")


@pytest.mark.parametrize("name", cleaner.DEFAULT_FILTERS)
def test_filter_colours_have_enough_contrast(name: str) -> None:
    assert colors.contrast(colors.INK, colors.tint(name)) >= 7
    assert colors.contrast(colors.WHITE, colors.shade(name)) >= 4.5


def test_batch_report_links_each_page_and_ranks_the_heaviest(tmp_path: Path) -> None:
    report = BatchReport(tmp_path / "out", top=3)
    removed: dict[str, int] = {}
    for path in PAGES[:6]:
        page_id = f"https://example.org/{path.parent.name}/{path.name}?a=1&b=<2>"
        result = cleaner.clean_and_explain(path.read_text(encoding="utf-8"))
        report.add(page_id, result)
        assert (tmp_path / "out" / "pages" / page_filename(page_id)).is_file()  # written at once
        removed[page_id] = sum(len(s.split()) for s in result.segments) - len(result.text.split())
    index = report.close()
    doc = tree(index.read_text(encoding="utf-8"))
    links = doc.cssselect("table.pages a")
    assert [a.text_content() for a in links] == sorted(removed, key=lambda k: -removed[k])[:3]
    for a in links:
        target = index.parent / a.get("href")
        assert target.is_file()
        assert a.text_content() in tree(target.read_text(encoding="utf-8")).cssselect("h1")[0].text_content()
    assert len(report.heaviest) == 3


def test_batch_report_sums_removals_per_filter(tmp_path: Path) -> None:
    report = BatchReport(tmp_path)
    total: Counter[str] = Counter()
    for path in PAGES[:4]:
        result = cleaner.clean_and_explain(path.read_text(encoding="utf-8"))
        total.update(result.removals())
        report.add(path.stem, result)
    doc = tree(report.close().read_text(encoding="utf-8"))
    assert legend_counts(doc) == total


def test_page_filenames_are_safe_and_distinct() -> None:
    names = {page_filename(x) for x in ["a/b", "a_b", "a b", "../../etc/passwd", "", "é" * 200]}
    assert len(names) == 6
    assert all("/" not in n and not n.startswith(".") and n.endswith(".html") and len(n) < 90 for n in names)


def test_docs_show_the_report_and_the_charts() -> None:
    import regex

    root = FIXTURES.parent
    for doc, folder in ((root / "README.md", root), (root / "docs" / "report.md", root / "docs")):
        images = regex.findall(r"!\[[^\]]+\]\(([^)]+)\)", doc.read_text(encoding="utf-8"))
        assert any(i.endswith("seed-report.png") for i in images), doc
        assert all((folder / i).is_file() for i in images), doc
    assert (root / "docs" / "img" / "seed-report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    charts = regex.findall(r"!\[[^\]]+\]\(([^)]+\.svg)\)", (root / "docs" / "benchmarks.md").read_text("utf-8"))
    assert "img/quality_speed.svg" in charts and "img/removals.svg" in charts
    assert all((root / "docs" / c).read_text(encoding="utf-8").lstrip().startswith("<?xml") for c in charts)


def test_notes_are_listed_but_not_counted_as_removals() -> None:
    note = Action.NOTE

    class Remark(Filter):
        name = "remark"

        def __call__(self, doc: Document) -> Iterator[Decision]:
            yield Decision(-1, note, self.name, "rule skipped: <time budget>")
            yield from Scripted(drops={"Share:": 1})(doc)

    result = cleaner.clean_and_explain("A title\n\nShare:\n\nThe article text, long enough.", pipeline=[Remark()])
    doc = tree(result.to_html())
    assert marked(doc) == legend_counts(doc) == result.removals() == Counter(scripted=1)
    assert "rule skipped: <time budget>" in doc.cssselect("ul.notes")[0].text_content()
