"""The report in a real browser: headless Chromium, driven by Playwright.

Skips with the reason when Chromium (``/usr/bin/chromium``, or ``$CLEANER_CHROMIUM``)
or the ``playwright`` package (the ``browser`` extra) is missing; `.ci/run`
installs both.  Playwright never downloads a browser here: it drives the
system's Chromium.  Screenshots and timings go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleaner

from .conftest import FIXTURES, ROOT

ARTIFACTS = ROOT / "test-artifacts"
SEED = FIXTURES / "seed" / "amnesty-russia-unhrc.txt"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RENDER_BUDGET_S = 2.0


def chromium_path() -> str:
    """The Chromium binary, or skip."""
    path = os.environ.get("CLEANER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.skip(f"no Chromium at {path} (apt-get install chromium, or set CLEANER_CHROMIUM)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright missing: pip install -e '.[browser]'")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 1300}, java_script_enabled=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    opened = context.new_page()
    opened.requested = []  # every URL the page asked for: a report asks for nothing but itself
    opened.on("request", lambda request: opened.requested.append(request.url))
    yield opened
    context.close()


def open_report(page: Any, html: str, path: Path) -> float:
    """Write and open a report; return seconds until loaded, laid out and painted."""
    path.write_text(html, encoding="utf-8")
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_selector("body[data-ready]", state="attached")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return time.perf_counter() - start


def visible_marks(page: Any) -> Counter[str]:
    found = page.eval_on_selector_all(
        "#v-page [data-rm]", "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.rm)"
    )
    return Counter(found)


def save(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def test_seed_report_legend_controls_and_reasons(page: Any, tmp_path: Path) -> None:
    result = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8"))
    gold = SEED.with_name(SEED.stem + ".gold.txt").read_text(encoding="utf-8")
    open_report(page, result.to_html(gold=gold), tmp_path / "seed.html")
    legend = page.eval_on_selector_all(
        "tbody td.count", "tds => tds.map(td => [td.dataset.filter, Number(td.textContent)])"
    )
    assert Counter(dict(legend)) == result.removals()
    assert visible_marks(page) == result.removals()

    page.get_by_label("removed text").uncheck()
    assert visible_marks(page) == Counter()
    assert page.locator(".rows > .b").filter(visible=True).count() == len(result.paragraphs)
    page.locator("h1").click()  # off the checkbox: shortcuts do not fire in form fields
    page.keyboard.press("r")  # the shortcut shows them again
    assert visible_marks(page) == result.removals()

    page.get_by_label("only the blocks of").select_option(label=f"take_action ({result.removals()['take_action']})")
    shown = page.locator(".rows > .b").filter(visible=True)
    assert shown.count() == result.removals()["take_action"]
    assert visible_marks(page) == Counter(take_action=result.removals()["take_action"])
    page.get_by_role("button", name="take_action").click()  # pressing the chip again shows every filter
    assert visible_marks(page) == result.removals()

    first = next(d for d in result.decisions if d.filter == "take_action")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("n")  # jump to the first decision, then on to the take_action block
    while page.evaluate("document.activeElement.id") != f"b{first.index}":
        page.keyboard.press("n")
    tip = page.locator(f"#b{first.index} > .why")
    assert first.reason in tip.inner_text()
    assert tip.bounding_box()["width"] > 100  # shown on focus, not clipped away
    quote = next(d for d in result.decisions if d.filter == "pull_quotes")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(f"#b{quote.index}").focus()  # on the first screen: the screenshot shows a reason
    assert quote.reason in page.locator(f"#b{quote.index} > .why").inner_text()
    save(page, "seed-report.png")
    assert page.requested == [(tmp_path / "seed.html").as_uri()]


def test_views_switch_with_the_keyboard(page: Any, tmp_path: Path) -> None:
    result = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8"))
    open_report(page, result.to_html(), tmp_path / "seed.html")
    page.get_by_role("tab", name="Page with decisions").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="Cleaned text").get_attribute("aria-selected") == "true"
    assert page.locator("#v-page").is_hidden()
    assert page.locator("#v-text p").all_inner_texts() == [p.strip() for p in result.paragraphs]


def big_page(size: int = 1_000_000) -> str:
    """About `size` bytes of real fixture pages one after the other."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt")) if ".gold." not in p.name]
    text = "\n\n".join(texts)
    return "\n\n".join([text] * (size // len(text.encode("utf-8")) + 1))


def test_a_one_megabyte_report_renders_in_under_two_seconds(page: Any, tmp_path: Path) -> None:
    text = big_page()
    result = cleaner.clean_and_explain(text)
    html = result.to_html()
    seconds = open_report(page, html, tmp_path / "big.html")
    timing = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
    marks = page.locator("#v-page [data-rm]").count()
    ARTIFACTS.mkdir(exist_ok=True)
    record = {
        "input_bytes": len(text.encode("utf-8")),
        "report_bytes": len(html.encode("utf-8")),
        "blocks": result.blocks,
        "removals": sum(result.removals().values()),
        "wall_seconds_to_painted": round(seconds, 3),
        "load_event_end_ms": round(timing["loadEventEnd"], 1),
    }
    (ARTIFACTS / "big-report-timing.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    save(page, "big-report.png")
    assert record["input_bytes"] >= 1_000_000
    assert marks == record["removals"]
    assert seconds < RENDER_BUDGET_S, record
