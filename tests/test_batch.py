"""Batch input and the ordered process pool: readers, bad input, `clean_many`, the summary."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleaner
from cleaner import Decision, Document, Filter, Pipeline
from cleaner.batch import PageFailed, Summary, process
from cleaner.errors import RuleError
from cleaner.readers import Fields, Problem, Record, is_batch, kind_of, read_inputs, read_jsonl, read_warc

from .batch_data import ARTICLE, TEXT_PAGE, need, numbered_page, warc_bytes, write_jsonl


def test_kind_of_looks_through_gz() -> None:
    assert kind_of("a/b.jsonl.gz") == "jsonl"
    assert kind_of("crawl.WARC.GZ") == "warc"
    assert kind_of("page.html.gz") == "page"
    assert kind_of("notes.txt") == "page"


def test_jsonl_malformed_line_is_a_problem_at_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "pages.jsonl",
        [
            {"id": "a", "text": TEXT_PAGE, "url": "http://example.org/a", "lang": "en"},
            '{"id": "b", "text": "unterminated',
            [1, 2],
            {"id": "d"},
            {"id": "e", "text": 5},
            {"text": ARTICLE},
        ],
    )
    items = list(read_inputs([str(path)], fields=Fields(keep=("lang",))))
    assert [type(i).__name__ for i in items] == ["Record", "Problem", "Problem", "Problem", "Problem", "Record"]
    first, bad, array, missing, number, last = items
    assert isinstance(first, Record) and first.id == "a" and first.url == "http://example.org/a"
    assert first.meta == {"lang": "en"}
    assert isinstance(bad, Problem) and bad.location == f"{path}:2" and "malformed JSON" in bad.message
    assert isinstance(array, Problem) and "expected a JSON object" in array.message
    assert isinstance(missing, Problem) and missing.id == "d" and "'text' is missing" in missing.message
    assert isinstance(number, Problem) and "not a string" in number.message
    assert isinstance(last, Record) and last.id == f"{path}:6"  # no id field: the location is the id


def test_jsonl_custom_fields_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write('{"doc": 7, "html": "<p>x</p>", "link": "http://e.org"}\n\n')
    (item,) = read_inputs([str(path)], fields=Fields(text="html", id="doc", url="link"))
    assert isinstance(item, Record)
    assert (item.id, item.page, item.url) == ("7", "<p>x</p>", "http://e.org")


def test_jsonl_invalid_utf8_line_is_a_problem() -> None:
    stream = io.BytesIO(b'{"text": "caf\xe9 ok"}\n{"text": "fine"}\n')
    items = list(read_jsonl(stream, "mem.jsonl"))
    assert isinstance(items[0], Problem) and items[0].location == "mem.jsonl:1"
    assert isinstance(items[1], Record) and items[1].page == "fine"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_records_kept_others_skipped_and_truncation_reported(gz: bool) -> None:
    need("warcio", reason="the warc extra (warcio) is not installed")
    data = warc_bytes(gzip=gz, truncate_last=True)
    items = list(read_warc(io.BytesIO(data), "crawl.warc"))
    assert len(items) == 4  # the request record passes silently
    page, png, missing, truncated = items
    assert isinstance(page, Record)
    assert page.url == "http://example.org/floods" and page.meta["date"]
    assert page.id.startswith("<urn:uuid:")
    assert isinstance(page.page, str) and "Floods displace" in page.page  # decoded by the header's charset
    assert isinstance(png, Problem) and png.skipped and "not HTML (image/png" in png.message
    assert isinstance(missing, Problem) and missing.skipped and "HTTP status 404" in missing.message
    assert isinstance(truncated, Problem) and not truncated.skipped and "truncated" in truncated.message
    for item in items:  # every location is the offset of its record
        offset = int(item.location.rsplit("@", 1)[1])
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[offset:], 8) if gz else data[offset:]
        assert head.startswith(b"WARC/1.0"), item.location


def test_a_byte_order_mark_outranks_the_http_charset() -> None:
    from cleaner.readers import _decode_declared

    body = "\ufeff<p>café</p>".encode()
    page = _decode_declared(body, "text/html; charset=iso-8859-1")
    assert cleaner.clean(page, mode="html") == "café\n"
    assert _decode_declared("<p>café</p>".encode("latin-1"), "text/html; charset=iso-8859-1") == "<p>café</p>"


def test_warc_complete_file_gives_both_pages() -> None:
    need("warcio", reason="the warc extra (warcio) is not installed")
    items = list(read_warc(io.BytesIO(warc_bytes(gzip=True, truncate_last=False)), "crawl.warc.gz"))
    pages = [i for i in items if isinstance(i, Record)]
    assert [p.url for p in pages] == ["http://example.org/floods", "http://example.org/last"]


def test_not_a_warc_is_one_problem(tmp_path: Path) -> None:
    need("warcio", reason="the warc extra (warcio) is not installed")
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Problem) and item.location == f"{path}@0" and not item.skipped
    path.write_bytes(b"<html><body>a page, not an archive</body></html>")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Problem) and "unreadable WARC" in item.message


def test_directory_walk_is_recursive_sorted_by_extension_and_reports_unreadable(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.html").write_text(ARTICLE)
    (tmp_path / "b" / "c.txt").write_text(TEXT_PAGE)
    (tmp_path / "b" / "d.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "b" / "e.html.gz").write_bytes(b"not gzip at all")
    (tmp_path / "notes.md").write_text("not a page")
    (tmp_path / "b" / "f.jsonl").write_text('{"id": "j1", "text": "x"}\n')
    items = list(read_inputs([str(tmp_path)]))
    names = [Path(i.location.split(":")[0]).name for i in items]
    assert names == ["a.html", "c.txt", "d.html.gz", "e.html.gz", "f.jsonl"]
    assert isinstance(items[2], Record) and items[2].page == ARTICLE.encode()
    assert isinstance(items[3], Problem) and "cannot read" in items[3].message
    only_html = list(read_inputs([str(tmp_path)], extensions=["html"]))
    assert [Path(i.location).name for i in only_html] == ["a.html", "d.html.gz", "e.html.gz"]


def test_unreadable_and_missing_files_are_problems(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    items = list(read_inputs([str(missing), str(tmp_path / "nope.jsonl")]))
    assert all(isinstance(i, Problem) and "No such file" in i.message for i in items)
    assert [i.location for i in items] == [str(missing), str(tmp_path / "nope.jsonl")]
    if os.geteuid() != 0:  # root reads anything; the permission case only means something for users
        locked = tmp_path / "locked.html"
        locked.write_text(ARTICLE)
        locked.chmod(0)
        (item,) = read_inputs([str(locked)])
        assert isinstance(item, Problem) and "Permission denied" in item.message


def test_is_batch(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(ARTICLE)
    assert not is_batch([str(page)], "auto")
    assert is_batch([str(page), str(page)], "auto")
    assert is_batch([str(tmp_path)], "auto")
    assert is_batch([str(tmp_path / "x.jsonl")], "auto")
    assert is_batch([str(page)], "jsonl")


def test_process_keeps_order_with_two_workers_and_counts_problems() -> None:
    items: list[Record | Problem] = [Record(str(i), numbered_page(i), f"mem:{i}") for i in range(23)]
    items.insert(5, Problem("mem:bad", "malformed JSON"))
    items.insert(9, Record("huge", "x" * 5000, "mem:huge"))
    outcomes = list(process(items, jobs=2, chunksize=3, max_bytes=1000))
    assert [o.id for o in outcomes] == [i.id or "" for i in items]
    assert [o.location for o in outcomes] == [i.location for i in items]
    summary = Summary()
    for o in outcomes:
        summary.add(o)
    assert (summary.records, summary.cleaned, summary.failed, summary.skipped) == (25, 23, 2, 0)
    huge = outcomes[9]
    assert huge.result is None and huge.error is not None and "InputTooLarge" in huge.error
    for o in outcomes:
        if o.result is not None:
            assert f"district {o.id} was larger" in o.result.text


def test_clean_many_matches_clean_in_input_order_with_two_jobs() -> None:
    pages = [numbered_page(i) for i in range(17)] + [ARTICLE, TEXT_PAGE.encode()]
    results = list(cleaner.clean_many(iter(pages), jobs=2, chunksize=2))
    assert [r.text for r in results] == [cleaner.clean(p) for p in pages]
    assert results[-2].mode == "html"


def test_clean_many_is_lazy_and_reads_only_a_few_chunks_ahead() -> None:
    consumed = 0

    def endless():  # type: ignore[no-untyped-def]
        nonlocal consumed
        i = 0
        while True:
            consumed += 1
            yield numbered_page(i)
            i += 1

    stream = cleaner.clean_many(endless(), jobs=2, chunksize=2)
    first = [next(stream).text for _ in range(3)]
    stream.close()  # type: ignore[attr-defined]
    assert "district 2" in first[2]
    assert consumed <= 2 * 2 * 4 + 2  # the window (jobs * 4 chunks of 2) and one chunk being formed


def test_clean_many_errors_raise_or_none() -> None:
    pages: list[object] = ["A sentence of the article that is long enough to keep here.", None]
    with pytest.raises(PageFailed, match="page 1: TypeError"):
        list(cleaner.clean_many(pages))
    results = list(cleaner.clean_many(pages, errors="none"))
    assert results[0] is not None and results[1] is None
    with pytest.raises(ValueError, match="errors must be"):
        cleaner.clean_many(pages, errors="ignore")  # type: ignore[call-overload]


RULES = 'version = 1\n[[rules]]\nid = "harvest-title"\nregex = "^Report number"\naction = "drop"\n'


def test_clean_many_reads_a_rule_file_once_and_applies_it_on_every_worker(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    pages = [numbered_page(i) for i in range(5)]
    results = list(cleaner.clean_many(pages, jobs=2, rules=rules))
    assert [r.text for r in results] == [cleaner.clean(p, rules=rules) for p in pages]
    assert all("Report number" not in r.text and "district" in r.text for r in results)


def test_clean_many_with_a_bad_rule_file_fails_once_before_any_page(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES.replace('"drop"', '"hide"'))
    with pytest.raises(RuleError, match=r"rules\.toml:\d+: rule .harvest-title.: unknown action .hide."):
        next(cleaner.clean_many([numbered_page(1)], rules=rules))


def test_summary_reasons_and_rate() -> None:
    summary = Summary()
    (page,) = process([Record("p", TEXT_PAGE, "mem")])
    summary.add(page)
    (png,) = process([Problem("c.warc@10", "skipped: not HTML (image/png; http://e.org/x.png)", skipped=True)])
    summary.add(png)
    summary.stop()
    data = summary.to_dict()
    assert data["skip_reasons"] == {"not HTML (image/png)": 1}
    assert data["cleaned"] == 1 and data["skipped"] == 1 and data["failed"] == 0
    assert data["removals"] == dict(page.result.removals()) if page.result else False
    assert summary.pages_per_second > 0
    assert "1 cleaned, 0 failed, 1 skipped" in summary.lines()[0]


class _DieOnPoison(Filter):
    """Kills the worker process on a page that says POISON, as an out-of-memory kill or a C crash would."""

    name = "die_on_poison"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if "POISON" in doc.text:
            os._exit(1)
        return iter(())


def test_a_dying_worker_fails_only_its_record_and_the_batch_goes_on() -> None:
    pages = [numbered_page(i) for i in range(12)]
    pages[5] = "POISON " + pages[5]
    items = [Record(str(i), page, f"mem:{i}") for i, page in enumerate(pages)]
    pipe = Pipeline.default().add(_DieOnPoison(), before="edges")
    outcomes = list(process(items, jobs=2, chunksize=2, pipeline=pipe))
    assert [o.id for o in outcomes] == [str(i) for i in range(12)]  # in order, none lost
    assert [o.id for o in outcomes if not o.ok] == ["5"]  # only the record that kills a worker fails
    assert outcomes[5].error is not None and "worker process died" in outcomes[5].error
    assert [o.result.text for o in outcomes if o.result] == [cleaner.clean(p) for p in pages if "POISON" not in p]


def test_warc_without_warcio_is_a_reported_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # as if the extra were not installed
    (item,) = read_warc(io.BytesIO(b"WARC/1.0\r\n"), "crawl.warc")
    assert isinstance(item, Problem) and item.location == "crawl.warc" and "pip install" in item.message
