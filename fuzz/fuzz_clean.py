"""Fuzz target for `cleaner.clean` over the text and the HTML paths (atheris).

Run (see docs/robustness.md for the recorded run)::

    pip install -e '.[fuzz]'
    python fuzz/fuzz_clean.py --mode=text -max_len=4096 -runs=500000 fuzz/corpus-text
    python fuzz/fuzz_clean.py --mode=html -max_len=4096 -runs=500000 fuzz/corpus-html

Each input is fed to ``clean_and_explain`` as ``str`` or ``bytes`` (the first
byte decides).  Any exception is a finding, and so is a broken invariant:

- the result is a ``str`` ending in a newline (or empty);
- every output paragraph is a span, in order, of the normalized text the page
  lays out to (the decoded text in text mode, the HTML layout in HTML mode);
- the output is a fixed point: checked by calling ``clean`` again whenever the
  pipeline stopped at its last pass without confirming one.

``--record=DIR`` keeps going after a finding: each distinct finding (exception
type, message head and innermost ``cleaner`` frame) is logged to
``DIR/findings.log`` with up to three reproducers, so that one long run counts
every kind of finding instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
import sys
import traceback
from collections import Counter
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for tests.adversarial

with atheris.instrument_imports(include=["cleaner"]):
    import cleaner
    from cleaner.api import MAX_PASSES
    from cleaner.decode import decode
    from cleaner.html import html_document
    from cleaner.normalize import normalize
    from tests.adversarial import missing_span

MODE = "text"
RECORD: Path | None = None
FOUND: Counter[str] = Counter()


def layout(page: str | bytes, mode: str) -> str:
    """The normalized text whose spans the output paragraphs must be."""
    if mode == "html":
        return normalize(html_document(page).text)
    return normalize(decode(page) if isinstance(page, bytes) else page)


def page_of(data: bytes) -> str | bytes:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        return fdp.ConsumeBytes(fdp.remaining_bytes())
    return fdp.ConsumeUnicode(fdp.remaining_bytes())


def finding_key(exc: BaseException) -> str:
    """Exception type, message head and innermost frame inside `cleaner`."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/cleaner/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "-"
    return f"{type(exc).__name__}: {str(exc)[:100]!r} at {where}"


def save_counts() -> None:
    """Rewrite RECORD/counts.txt (libFuzzer exits without running Python's cleanup)."""
    if RECORD is None:
        return
    lines = [f"{n}\t{k}" for k, n in FOUND.items()]
    (RECORD / "counts.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def record(data: bytes, exc: BaseException) -> None:
    """Log a finding under RECORD and keep its first reproducers."""
    assert RECORD is not None
    key = finding_key(exc)
    FOUND[key] += 1
    save_counts()
    if FOUND[key] > 3:
        return
    tag = hashlib.sha1(key.encode()).hexdigest()[:8]
    name = f"finding-{tag}-{hashlib.sha1(data).hexdigest()[:12]}"
    (RECORD / name).write_bytes(data)
    with open(RECORD / "findings.log", "a", encoding="utf-8") as log:
        log.write(f"{key}\t{name}\n")


def test_one_input(data: bytes) -> None:
    if RECORD is None:
        check(data)
        return
    try:
        check(data)
    except Exception as exc:
        record(data, exc)


def check(data: bytes) -> None:
    page = page_of(data)
    result = cleaner.clean_and_explain(page, mode=MODE)
    text = result.text
    assert isinstance(text, str) and (text == "" or text.endswith("\n")), repr(text)
    bad = missing_span(text, layout(page, MODE))
    if bad is not None:
        raise AssertionError(f"not a span of the input: {bad!r}")
    last = sorted({d.filter for d in result.decisions if d.passno == MAX_PASSES})
    if last and not result.timed_out:  # a page cut short by the time budget need not be a fixed point
        assert cleaner.clean(text) == text, f"not a fixed point; still deciding in the last pass: {last}"


def option(name: str) -> str | None:
    values = [a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")]
    return values[-1] if values else None


def main() -> None:
    global MODE, RECORD
    MODE = option("mode") or "text"
    if MODE not in ("text", "html"):
        sys.exit("--mode must be text or html")
    folder = option("record")
    if folder:
        RECORD = Path(folder)
        RECORD.mkdir(parents=True, exist_ok=True)
    atheris.Setup([a for a in sys.argv if not a.startswith("--")], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
