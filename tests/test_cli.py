"""The ``cleaner`` command line, through `main` and as a subprocess (exit codes, stdin, signals)."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main, removal_table, to_markdown

from .batch_data import ARTICLE, TEXT_PAGE, need, numbered_page, warc_bytes, write_jsonl

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "amnesty-russia-unhrc.txt"


def run(args: list[str], stdin: bytes = b"", **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m cleaner.cli ARGS`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner.cli", *args], input=stdin, capture_output=True, timeout=120, **kwargs
    )


def jsonl_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


# --- one page ------------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleaner {cleaner.__version__}"


def test_clean_one_file_writes_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED)]) == 0
    captured = capsys.readouterr()
    assert captured.out == cleaner.clean(SEED.read_bytes())
    assert captured.err == ""  # one page: no summary


def test_format_json_is_the_full_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--format", "json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = cleaner.clean_and_explain(SEED.read_bytes())
    assert data["text"] == expected.text
    assert data["decisions"] == [d.to_dict() for d in expected.decisions]
    assert data["removals"] == dict(expected.removals())
    assert data["id"] == str(SEED) and data["mode"] == "text"


def test_format_markdown_has_text_and_removal_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "-f", "markdown", str(SEED)]) == 0
    out = capsys.readouterr().out
    result = cleaner.clean_and_explain(SEED.read_bytes())
    assert out.startswith(f"# {SEED}\n\nRussia: UNHRC")
    assert "| pass | filter | action | reason | text |" in out
    assert out.count("\n| 1 | ") == len(result.decisions)


def test_markdown_escapes_what_would_become_markup() -> None:
    result = cleaner.clean_and_explain("1. Not a list but a sentence of the article that goes on and on here.")
    out = to_markdown(result, "p")
    assert "1\\. Not a list" in out


def test_explain_table_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--explain", str(SEED)]) == 0
    captured = capsys.readouterr()
    assert captured.out == cleaner.clean(SEED.read_bytes())
    header = captured.err.splitlines()[0].split()
    assert header == ["filter", "action", "reason", "text"]
    assert "consent" in captured.err and "Privacy Overview" in captured.err
    result = cleaner.clean_and_explain(SEED.read_bytes())
    removed, kept = sum(result.removals().values()), len(result.paragraphs)
    assert captured.err.splitlines()[-1].startswith(f"{removed} removed, 0 restored; {kept} paragraphs kept")


def test_a_time_budget_note_is_not_counted_as_a_removal() -> None:
    result = cleaner.clean_and_explain(TEXT_PAGE, max_seconds=0)
    kept = len(result.paragraphs)
    assert removal_table(result, 100).splitlines()[-1] == f"0 removed, 0 restored, 1 notes; {kept} paragraphs kept"
    assert "## Removed (0)" in to_markdown(result, "page")


def test_removal_table_clips_to_width_and_says_when_nothing_went() -> None:
    result = cleaner.clean_and_explain(SEED.read_text(encoding="utf-8"))
    assert all(len(line) <= 100 for line in removal_table(result, 100).splitlines()[:-1])
    assert removal_table(cleaner.clean_and_explain("")) == "(nothing removed)"


def test_explain_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["filter", "action", "reason", "text"]
    assert "take_action" in out
    assert main(["explain", str(tmp_path / "missing.html")]) == 1
    assert "missing.html" in capsys.readouterr().err


def test_explain_writes_the_html_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report, gold = tmp_path / "report.html", SEED.with_name(SEED.name.replace(".txt", ".gold.txt"))
    assert main(["explain", str(SEED), "--html", str(report), "--gold", str(gold)]) == 0
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "take_action" in html and "pull_quotes" in html
    assert "<script src=" not in html  # self-contained


def test_rules_option_applies_a_rule_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\nid = "flood"\nphrase = "ten thousand families"\n')
    page = tmp_path / "page.txt"
    page.write_text(TEXT_PAGE)
    assert main(["clean", str(page)]) == 0
    assert "ten thousand families" in capsys.readouterr().out
    assert main(["clean", "--rules", str(rules), "--format", "json", str(page)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "ten thousand families" not in result["text"]
    assert "rule:flood" in {d["filter"] for d in result["decisions"]}


def test_rules_check_runs_inline_tests_and_sets_the_exit_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    example = Path(__file__).resolve().parent.parent / "docs" / "examples" / "rules.toml"
    assert main(["rules", "check", str(example)]) == 0
    assert "3 of 3 tests passed" in capsys.readouterr().out
    failing = tmp_path / "failing.toml"
    failing.write_text('[[rules]]\nid = "a"\nphrase = "prose"\n[[tests]]\ninput = "Some prose."\nkept = ["prose"]\n')
    assert main(["rules", "check", str(failing)]) == 1
    assert "FAIL" in capsys.readouterr().out
    invalid = tmp_path / "invalid.toml"
    invalid.write_text('[[rules]]\nid = "a"\nregex = "(x"\n')
    assert main(["rules", "check", str(invalid)]) == 2
    assert f"{invalid}:3: rule 'a': bad regular expression" in capsys.readouterr().err


def test_mode_option_is_passed_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE)
    assert main(["clean", "--format", "json", "--mode", "text", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "text"


# --- batches -------------------------------------------------------------------------------------


def test_jsonl_batch_with_a_malformed_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": TEXT_PAGE, "url": "http://e.org/a", "lang": "en"},
            "{not json",
            {"id": "c", "text": ARTICLE},
        ],
    )
    stats = tmp_path / "stats.json"
    code = main(["clean", str(path), "--keep-field", "lang", "--stats", str(stats)])
    captured = capsys.readouterr()
    assert code == 1  # a record failed; the others were written
    lines = jsonl_lines(captured.out)
    assert [line["id"] for line in lines] == ["a", "c"]
    assert lines[0]["text"] == cleaner.clean(TEXT_PAGE) and lines[0]["lang"] == "en"
    assert lines[0]["url"] == "http://e.org/a" and lines[0]["source"] == f"{path}:1"
    assert "decisions" not in lines[0]
    assert f"{path}:2: failed: malformed JSON" in captured.err
    assert "3 records" in captured.err and "2 cleaned, 1 failed, 0 skipped" in captured.err
    assert "removals: " in captured.err
    summary = json.loads(stats.read_text())
    assert (summary["records"], summary["cleaned"], summary["failed"]) == (3, 2, 1)


def test_batch_report_indexes_a_page_per_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXT_PAGE}, {"id": "b", "text": numbered_page(2)}])
    assert main(["clean", str(path), "-q", "--report", str(tmp_path / "report")]) == 0
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    pages = sorted((tmp_path / "report" / "pages").glob("*.html"))
    assert len(pages) == 2 and all(p.name in index for p in pages)


def test_jsonl_batch_format_json_carries_decisions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"doc": 1, "body": TEXT_PAGE}])
    assert main(["clean", str(path), "-f", "json", "--text-field", "body", "--id-field", "doc", "-q"]) == 0
    captured = capsys.readouterr()
    (line,) = jsonl_lines(captured.out)
    assert line["id"] == "1" and line["decisions"] and line["text"] == cleaner.clean(TEXT_PAGE)
    assert captured.err == ""  # --quiet: no summary


def test_warc_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    need("warcio", reason="the warc extra (warcio) is not installed")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(gzip=True, truncate_last=True))
    out = tmp_path / "out.jsonl"
    code = main(["clean", str(path), "-o", str(out), "--verbose"])
    err = capsys.readouterr().err
    assert code == 1  # the truncated record
    (line,) = jsonl_lines(out.read_text())
    assert line["url"] == "http://example.org/floods" and str(line["date"]).endswith("Z")
    assert str(line["id"]).startswith("<urn:uuid:") and str(line["source"]).startswith(f"{path}@")
    assert "ten thousand families" in str(line["text"]) and "Home" not in str(line["text"])
    assert f"{path}@" in err and "not HTML (image/png" in err and "truncated record" in err
    assert "4 records" in err and "1 cleaned, 1 failed, 2 skipped" in err
    assert "skipped: not HTML (image/png) 1, HTTP status 404 1" in err


def test_directory_batch_with_two_jobs_keeps_sorted_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for i in range(12):
        sub = tmp_path / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"p{i:02d}.txt").write_text(numbered_page(i))
    (tmp_path / "d1" / "broken.html.gz").write_bytes(gzip.compress(b"<p>x</p>")[:-6])
    assert main(["clean", str(tmp_path), "--jobs", "2", "--chunksize", "1"]) == 1
    captured = capsys.readouterr()
    ids = [Path(str(line["id"])).name for line in jsonl_lines(captured.out)]
    expected = sorted((f"d{i % 3}", f"p{i:02d}.txt") for i in range(12))
    assert ids == [name for _, name in expected]
    assert "broken.html.gz: failed: cannot read" in captured.err


def test_markdown_for_a_batch_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["clean", "-f", "markdown", str(tmp_path)])
    assert stop.value.code == 2
    assert "markdown is for one page" in capsys.readouterr().err


# --- as a process: exit codes, stdin, signals ----------------------------------------------------


def test_stdin_page_and_exit_codes(tmp_path: Path) -> None:
    done = run(["clean"], stdin=TEXT_PAGE.encode())
    assert done.returncode == 0 and done.stdout.decode() == cleaner.clean(TEXT_PAGE)
    missing = run(["clean", str(tmp_path / "none.html")])
    assert missing.returncode == 1 and b"none.html: failed: cannot read" in missing.stderr
    usage = run(["clean", "--jobs", "many"])
    assert usage.returncode == 2 and b"invalid int value" in usage.stderr
    assert run([]).returncode == 2


def test_stdin_jsonl_is_detected(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": i, "text": numbered_page(i)}) + "\n" for i in range(3))
    done = run(["clean", "-", "-q"], stdin=lines.encode())
    assert done.returncode == 0
    assert [line["id"] for line in jsonl_lines(done.stdout.decode())] == ["0", "1", "2"]
    zipped = run(["clean", "-q"], stdin=gzip.compress(lines.encode()))
    assert zipped.stdout == done.stdout
    named = run(["clean", "-q", "--input-format", "jsonl"], stdin=gzip.compress(lines.encode()))
    assert named.stdout == done.stdout  # gzip is undone whatever format is named


def test_stdin_warc_is_detected() -> None:
    need("warcio", reason="the warc extra (warcio) is not installed")
    done = run(["clean", "-q"], stdin=warc_bytes(gzip=True, truncate_last=False))
    assert done.returncode == 0, done.stderr
    assert [line["url"] for line in jsonl_lines(done.stdout.decode())] == [
        "http://example.org/floods",
        "http://example.org/last",
    ]


# records in a batch that must still be running when the test signals it: 1,000 took 1.8 s on a loaded
# machine, and a slow poll then saw the batch finish before its signal
LONG_BATCH = 4000


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_keeps_every_line_written(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": numbered_page(i) * 40} for i in range(LONG_BATCH)])
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner.cli", "clean", str(path), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (out.exists() and out.stat().st_size > 1000):
        assert time.monotonic() < deadline, "no output within a minute"
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    lines = jsonl_lines(out.read_text())  # every line complete and valid
    assert 0 < len(lines) < LONG_BATCH
    assert [line["id"] for line in lines] == [str(i) for i in range(len(lines))]
    assert b"(interrupted)" in err and f"{len(lines)} cleaned".encode() in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers follow their parent through prctl (Linux)")
def test_workers_end_with_a_killed_batch(tmp_path: Path) -> None:
    # a scheduler's SIGKILL gives the parent no chance to stop its pool: the workers must not outlive it
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": numbered_page(i) * 40} for i in range(LONG_BATCH)])
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "cleaner.cli", "clean", str(path), "-o", str(out), "--jobs", "2"])
    deadline = time.monotonic() + 60
    while not (out.exists() and out.stat().st_size > 1000):
        assert time.monotonic() < deadline, "no output within a minute"
        time.sleep(0.05)
    workers = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    assert len(workers) == 2
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
        assert time.monotonic() < deadline, "a worker outlived its batch"
        time.sleep(0.05)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
    except (OSError, IndexError):
        return "Z"


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": numbered_page(i)} for i in range(200)])
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner.cli", "clean", str(path), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline().startswith(b'{"id": "0"')
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141
    assert b"Traceback" not in err


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": numbered_page(i)} for i in range(5)])
    plain = run(["clean", str(path)])
    assert b"page/s" not in plain.stderr and b"\r" not in plain.stderr  # stderr is a pipe: no bar
    need("tqdm", reason="the progress extra (tqdm) is not installed")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cleaner.cli", "clean", str(path), "-o", os.devnull],
            stderr=follower,
            stdout=subprocess.DEVNULL,
            timeout=120,
        )
        os.close(follower)
        seen = _read_all(leader)
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert b"5page [" in seen and b"page/s]" in seen  # a stream: count and rate, no total
    quiet = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", str(path), "-o", os.devnull, "-q"],
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert quiet.stderr == b""


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO once the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_every_option_and_exit_code_is_in_docs_cli_md() -> None:
    from cleaner.cli import build_parser

    doc = (SEED.parent.parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert f"cleaner {name}" in doc
        for action in sub._actions:
            for flag in action.option_strings:
                assert flag in ("-h", "--help") or f"`{flag}" in doc or f"{flag}`" in doc, flag
    for code in (0, 1, 2, 130, 141, 143):
        assert f"| {code} |" in doc


def test_bad_options_stop_before_any_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT_PAGE}])
    for argv, message in [
        (["clean", str(path), "--max-bytes", "-1"], "bad cleaning options"),
        (["clean", str(path), "-o", str(tmp_path / "no" / "such" / "dir.jsonl")], "cannot write"),
        (["clean", "--url", "http://e.org", str(path)], "--url is for one page"),
    ]:
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert message in capsys.readouterr().err
    assert main(["clean", str(path), "--max-bytes", "10", "-q"]) == 1  # a small limit is no usage error
    assert "InputTooLarge" in capsys.readouterr().err
