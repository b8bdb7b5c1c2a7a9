"""Hostile pages: each returns an honest result within about 1 s per MB, or `InputTooLarge`.

Small cases are files in ``fixtures/adversarial/`` (see its README); large ones
are generated at test time by ``tests/adversarial.py`` and run in a subprocess
with a timeout, so the suite stays bounded even while a case is too slow.
The user-rule cases (a catastrophic-backtracking rule, rule files as data
only) are covered by ``tests/test_rules.py``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import cleaner
from cleaner.decode import decode
from cleaner.errors import InputTooLarge
from cleaner.html import cap_depth, html_document

from .adversarial import MB, layout, spans_in_order
from .conftest import FIXTURES, ROOT, as_paragraphs

ADVERSARIAL = FIXTURES / "adversarial"
SECONDS_PER_MB = 1.25  # the budget is about 1 s/MB; a quarter more for a loaded CI machine
FLOOR = 2.0
GENERATE = 10.0  # seconds a subprocess may spend building its page and starting up


def budget(nbytes: int) -> float:
    return max(FLOOR, SECONDS_PER_MB * nbytes / MB)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Compile the vocabularies once, outside the timed calls."""
    cleaner.clean("Warm-up text, once per test process.")


def timed_clean(page: str | bytes, **kwargs: object) -> str:
    """`clean` within the budget for the page's size."""
    start = time.perf_counter()
    out = cleaner.clean(page, **kwargs)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    size = len(page.encode("utf-8", "surrogatepass")) if isinstance(page, str) else len(page)
    assert elapsed <= budget(size), f"{elapsed:.2f} s for {size / MB:.2f} MB"
    return out


def check_invariants(page: str | bytes, out: str, mode: str) -> None:
    text = page if isinstance(page, str) else decode(page)
    assert spans_in_order(out, layout(text, mode))
    assert cleaner.clean(out) == out


# --- large pages, generated, in a subprocess ----------------------------------------------

LARGE = {
    "page-20mb": 20 * MB,
    "lines-1m": 13_468_373,
    "line-10mb": 10 * MB,
    "html-deep-100k": 1_100_260,
}
SLOW = {  # the pipeline does not finish within the budget; the time budget (max_seconds) cuts it short
    "page-20mb": "without the time budget: 38.2 s (1.9 s/MB, linear); speed work in progress",
    "lines-1m": "without the time budget: 114 s (8.5 s/MB, linear); speed work in progress",
}
_REPORTS: dict[tuple[str, int | None], tuple[dict[str, object], dict[str, object] | None]] = {}


def run_large(case: str, max_bytes: int | None = None) -> tuple[dict[str, object], dict[str, object] | None]:
    """Run a generated case in a subprocess (once per session); fail, not hang, past its budget."""
    if (case, max_bytes) in _REPORTS:
        return _REPORTS[case, max_bytes]
    timeout = budget(LARGE[case]) + GENERATE
    cmd = [sys.executable, "-m", "tests.adversarial", case] + ([str(max_bytes)] if max_bytes else [])
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=True)
        output = done.stdout
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        if not output.strip():
            pytest.fail(f"{case}: no result within {timeout:.0f} s")
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]
    _REPORTS[case, max_bytes] = lines[0], (lines[1] if len(lines) > 1 else None)
    return _REPORTS[case, max_bytes]


@pytest.mark.parametrize("case", list(LARGE))
def test_large_page_within_budget(case: str) -> None:
    """A result within ~1 s/MB, honest even when the time budget cut the filters short."""
    report, fixed = run_large(case)
    assert report["error"] is None
    assert report["seconds"] <= budget(int(report["bytes"])), report  # type: ignore[arg-type]
    assert report["out_chars"], report
    assert report["spans"], report
    if fixed is not None:  # not written when the time budget cut the run short
        assert fixed["idempotent"]


def _slow(case: str) -> object:
    marks = [pytest.mark.xfail(strict=False, reason=SLOW[case])] if case in SLOW else []
    return pytest.param(case, marks=marks, id=case)


@pytest.mark.parametrize("case", [_slow(case) for case in LARGE])
def test_large_page_cleaned_without_running_out_of_time(case: str) -> None:
    report, _ = run_large(case)
    assert report["timed_out"] is False, report


@pytest.mark.parametrize("case", list(LARGE))
def test_large_page_above_max_bytes_raises_at_once(case: str) -> None:
    report, _ = run_large(case, max_bytes=MB)
    assert str(report["error"]).startswith("InputTooLarge"), report
    assert report["seconds"] < 0.1, report  # type: ignore[operator]


def test_max_bytes_is_configurable() -> None:
    page = "A sentence of an article about floods and clean water. " * 40
    with pytest.raises(InputTooLarge):
        cleaner.clean(page, max_bytes=100)
    assert cleaner.clean(page, max_bytes=None) == cleaner.clean(page)


# --- small pages, files under fixtures/adversarial/ ------------------------------------

ARTICLE = (ADVERSARIAL / "no-boilerplate.txt").read_text(encoding="utf-8")


def test_no_boilerplate_comes_out_whole() -> None:
    out = timed_clean(ARTICLE)
    assert out == as_paragraphs(ARTICLE)
    check_invariants(ARTICLE, out, "text")


def test_only_boilerplate_comes_out_empty() -> None:
    page = (ADVERSARIAL / "only-boilerplate.txt").read_text(encoding="utf-8")
    out = timed_clean(page)
    assert out == ""
    assert cleaner.clean_and_explain(page).decisions  # every removal explained


@pytest.mark.parametrize("name", ["utf16-bom.bin", "utf16-le-no-bom.bin", "utf16-be-no-bom.bin"])
def test_utf16_with_and_without_bom(name: str) -> None:
    data = (ADVERSARIAL / name).read_bytes()
    out = timed_clean(data)
    assert out == as_paragraphs(ARTICLE)
    check_invariants(data, out, "text")


def test_nul_bytes_and_control_characters() -> None:
    data = (ADVERSARIAL / "nul-control.bin").read_bytes()
    out = timed_clean(data)
    assert not any(ch in out for ch in "\x00\x01\x02\x1b\x7f\x9f\x08\u200b")
    assert "twelve thousand families this week" in out
    assert "said a nurse who works" in out
    check_invariants(data, out, "text")


def test_nul_bytes_in_html() -> None:
    page = "<html><body><p>Heavy rains\x00 displaced\x01 families, aid workers said on Monday.</p></body></html>"
    out = timed_clean(page)
    assert "\x00" not in out and "\x01" not in out and "displaced" in out
    check_invariants(page, out, "html")


def test_control_characters_in_html_are_removed_as_in_text() -> None:
    """Found by the fuzzer: controls kept in the HTML layout were removed by the next (text) pass."""
    page = "<p>Heavy\x01 rains\x11 dis\u00adplaced\x07 families\x85 on Monday.</p><p>\x02\x03</p>"
    page += "<p>Aid workers said.</p>"
    assert html_document(page).text == "Heavy rains displaced families on Monday.\n\nAid workers said."
    out = timed_clean(page, mode="html")
    check_invariants(page, out, "html")


def test_invalid_utf8() -> None:
    data = (ADVERSARIAL / "invalid-utf8.bin").read_bytes()
    out = timed_clean(data)
    assert "regional government has asked for emergency funding" in out
    check_invariants(data, out, "text")


def test_lone_surrogates_in_a_str_page() -> None:
    """Found by the fuzzer: a str with lone surrogates crashed the HTML path on encoding."""
    page = "<p>Heavy rains \ud800 displaced families \udfff, aid workers said on Monday.</p>"
    out = timed_clean(page, mode="html")
    assert "\ufffd displaced families \ufffd" in out
    assert "\ud800" in cleaner.clean("Heavy rains \ud800 displaced families.", mode="text")


def test_doctype_internal_subset_leaves_no_stray_text() -> None:
    page = (ADVERSARIAL / "doctype-subset.html").read_text(encoding="utf-8")
    out = timed_clean(page)
    assert "]>" not in out and "ENTITY" not in out
    assert out.startswith("Floods leave thousands without clean water\n")
    check_invariants(page, out, "html")


def test_doctype_subset_with_comments_and_quoted_brackets() -> None:
    page = '<!DOCTYPE html [<!ENTITY x "a]>b"> <!-- ] --> <!ELEMENT p ANY>]><p>Heavy rains displaced families.</p>'
    assert html_document(page).text == "Heavy rains displaced families."


@pytest.mark.parametrize("tail", ["<!--" * 300_000, "'" * 1_000_000, "]" * 1_000_000, "<" * 1_000_000, "\"'" * 500_000])
def test_unclosed_doctype_subset_costs_linear_time(tail: str) -> None:
    """An unclosed subset is searched once, within the prolog (a quadratic scan took minutes)."""
    page = "<!DOCTYPE html [" + tail + "<p>End.</p>"
    start = time.perf_counter()
    html_document(page)
    assert time.perf_counter() - start < budget(len(page))


class _Listener:
    """A local TCP server that records every connection attempt."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.sendall(b"HTTP/1.0 200 OK\r\n\r\nLEAKED-SECRET")
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def test_external_entities_are_never_resolved_and_the_network_never_reached() -> None:
    listener = _Listener()
    try:
        page = (ADVERSARIAL / "external-entity.html").read_text(encoding="utf-8").replace("{URL}", listener.url)
        out = timed_clean(page)
        timed_clean(page.encode("utf-8"))
        html_document(page)
        time.sleep(0.3)
    finally:
        listener.close()
    assert listener.hits == 0
    assert "LEAKED-SECRET" not in out and "root:" not in out
    assert "twelve thousand families" in out and "burst its banks" in out
    check_invariants(page, out, "html")


def test_entity_expansion_does_not_blow_up() -> None:
    page = (ADVERSARIAL / "billion-laughs.html").read_text(encoding="utf-8")
    out = timed_clean(page)
    assert "lollol" not in out
    assert len(out) < 2 * len(page)
    assert "twelve thousand families" in out
    check_invariants(page, out, "html")


def test_deep_nesting_past_libxml2s_limit_keeps_all_text() -> None:
    """libxml2 stops at depth 256 (2048 with huge_tree) and drops the rest of the page."""
    for depth in (300, 3000):
        page = f"<p>Before the nesting.</p>{'<b>' * depth}Deep text.<p>After the nesting.</p>"
        text = html_document(page).text
        assert "Before the nesting." in text and "Deep text." in text and "After the nesting." in text


def test_cap_depth_removes_only_tags_past_the_limit() -> None:
    page = "<div><div><div>a</div>b</div>c</div><p>d</p>"
    assert cap_depth(page, 2) == "<div><div>ab</div>c</div><p>d</p>"
    assert cap_depth(page, 10) == page
    assert cap_depth("<br><img><hr>" * 5, 1) == "<br><img><hr>" * 5


def test_large_text_node_is_kept() -> None:
    """libxml2 drops a text node over 10 MB unless ``huge_tree`` is on; 11 MB here."""
    words = "word " * 2_200_000
    doc = html_document(f"<p>{words}</p><p>End of the page.</p>")
    assert doc.text.endswith("End of the page.") and len(doc.text) > 10 * MB


def test_text_that_looks_like_html_stays_a_span_in_text_mode() -> None:
    page = "<html><body><p>Some text in a code sample, with enough words to be kept.</p>\n\nTom &amp; Jerry here."
    out = cleaner.clean(page, mode="text")
    assert spans_in_order(out, layout(page, "text"))


def test_edges_reach_a_fixed_point() -> None:
    page = (ADVERSARIAL / "fuzz-edges-not-fixed-point.txt").read_text(encoding="utf-8")
    out = cleaner.clean(page)
    assert cleaner.clean(out) == out


def test_title_repeat_reaches_a_fixed_point() -> None:
    page = (ADVERSARIAL / "title-repeat-not-fixed-point.txt").read_text(encoding="utf-8")
    out = cleaner.clean(page)
    assert cleaner.clean(out) == out


def test_squared_katakana_do_not_crash() -> None:
    page = (ADVERSARIAL / "fuzz-shape-zero-division.bin").read_bytes().decode("utf-8")
    assert cleaner.clean(page, mode="text") == page


def test_fixtures_are_documented() -> None:
    readme = (ADVERSARIAL / "README.md").read_text(encoding="utf-8")
    for path in Path(ADVERSARIAL).iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name


def test_damaged_utf8_choice_and_its_cost() -> None:
    """Many valid multi-byte characters per bad byte read as UTF-8; mostly ASCII falls back to cp1252."""
    assert decode("Ünïcödé text ".encode() * 20 + b"\xff") == "Ünïcödé text " * 20 + "\ufffd"
    assert decode(b"caf\xe9 and more text") == "café and more text"
    data = b"Some ascii text with a bad byte \xff here. " * 250_000  # 10 MB
    start = time.perf_counter()
    decode(data)
    assert time.perf_counter() - start < budget(len(data)) / 4
