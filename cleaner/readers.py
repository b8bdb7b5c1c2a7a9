"""Batch input: pages from files, directories, JSON Lines and WARC archives.

Every reader is a generator of `Record` (a page to clean) and `Problem` (a
place that could not be read, or a record that is not a page). Problems are
yielded in stream order instead of raised, so that one bad line, record or
file is reported with its location and the batch goes on. Nothing is read
ahead: memory stays flat however long the input.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .decode import bom_codec

PAGE_EXTENSIONS = ("html", "htm", "xhtml", "txt")
BATCH_EXTENSIONS = ("jsonl", "ndjson", "warc")
DEFAULT_EXTENSIONS = PAGE_EXTENSIONS + BATCH_EXTENSIONS
INPUT_FORMATS = ("auto", "page", "jsonl", "warc")
HTML_TYPES = ("text/html", "application/xhtml+xml")
STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"

# What a bad file or record can raise while being read: I/O, decompression, encoding.
READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)


@dataclass(slots=True)
class Record:
    """One page to clean and what the output line carries besides its text."""

    id: str
    page: str | bytes
    location: str  # where it came from, for messages: "a.jsonl:12", "crawl.warc.gz@5120"
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # copied to the output line (e.g. WARC date)


@dataclass(slots=True)
class Problem:
    """A place that gave no page: a failure, or (``skipped``) a record that is not a page."""

    location: str
    message: str
    skipped: bool = False
    id: str | None = None


Item = Record | Problem


@dataclass(frozen=True, slots=True)
class Fields:
    """Field names of JSON Lines input."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    keep: tuple[str, ...] = ()  # other fields copied to the output line


def kind_of(name: str) -> str:
    """``jsonl``, ``warc`` or ``page``, from a file name (``.gz`` looked through)."""
    base = name.lower().removesuffix(".gz")
    if base.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if base.endswith(".warc"):
        return "warc"
    return "page"


def is_batch(inputs: list[str], input_format: str) -> bool:
    """Whether the inputs hold more than one page (decides the output shape)."""
    if input_format in ("jsonl", "warc") or len(inputs) != 1:
        return True
    (name,) = inputs
    if name == STDIN:
        return input_format == "auto" and _stdin_kind() != "page"
    return Path(name).is_dir() or (input_format == "auto" and kind_of(name) != "page")


def read_inputs(
    inputs: Iterable[str],
    *,
    input_format: str = "auto",
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    fields: Fields = Fields(),
) -> Iterator[Item]:
    """Every record of every input: files, directories (recursive) and ``-`` (stdin)."""
    exts = tuple(e.lower().lstrip(".") for e in extensions)
    for name in inputs:
        if name == STDIN:
            yield from _read_stdin(input_format, fields)
        elif Path(name).is_dir():
            yield from read_dir(Path(name), exts, input_format, fields)
        else:
            yield from read_file(Path(name), input_format, fields)


def read_dir(root: Path, extensions: tuple[str, ...], input_format: str, fields: Fields) -> Iterator[Item]:
    """Files under ``root`` whose extension (``.gz`` looked through) is listed, in sorted order."""
    wanted = {"." + e for e in extensions}
    errors: list[OSError] = []  # os.walk reports an unreadable folder through onerror, then goes on
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        yield from _dir_problems(errors)
        dirs.sort()
        for name in sorted(files):
            if Path(name.lower().removesuffix(".gz")).suffix in wanted:
                yield from read_file(Path(folder) / name, input_format, fields)
    yield from _dir_problems(errors)


def _dir_problems(errors: list[OSError]) -> Iterator[Problem]:
    while errors:
        err = errors.pop(0)
        yield Problem(str(err.filename), f"cannot read: {_describe(err)}")


def read_file(path: Path, input_format: str, fields: Fields) -> Iterator[Item]:
    """The records of one file; a file that cannot be read is one `Problem`."""
    kind = kind_of(path.name) if input_format == "auto" else input_format
    location = str(path)
    try:
        if kind == "page":
            data = _read_bytes(path)
            yield Record(id=location, page=data, location=location)
        else:
            with _open(path) as stream:
                reader = read_jsonl if kind == "jsonl" else read_warc
                yield from reader(stream, location, fields)
    except READ_ERRORS as err:
        yield Problem(location, f"cannot read: {_describe(err)}")


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.lower().endswith(".gz") else data


def _open(path: Path) -> IO[bytes]:
    """A binary stream; WARC readers decompress gzip members themselves."""
    if path.name.lower().endswith(".gz") and kind_of(path.name) != "warc":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _describe(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__


# --- stdin ---------------------------------------------------------------------------------------


def _stdin_kind() -> str:
    """Guess what stdin holds from its first bytes, without consuming them."""
    head = cast(io.BufferedReader, sys.stdin.buffer).peek(64)
    if head[:2] == GZIP_MAGIC:  # gzip: look at the start of what it holds
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return "page"
        return "gzip-" + _classify(head)
    return _classify(head)


def _classify(head: bytes) -> str:
    # A JSONL line of a whole page is longer than any peek: its opening has to do.
    if head.startswith(b"WARC/"):
        return "warc"
    return "jsonl" if head.lstrip().startswith(b'{"') else "page"


def _read_stdin(input_format: str, fields: Fields) -> Iterator[Item]:
    stream: IO[bytes] = sys.stdin.buffer
    gzipped = cast(io.BufferedReader, stream).peek(2)[:2] == GZIP_MAGIC  # whatever format was named
    kind = (_stdin_kind() if input_format == "auto" else input_format).removeprefix("gzip-")
    if gzipped and kind != "warc":  # warcio reads gzip members itself
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    try:
        if kind == "jsonl":
            yield from read_jsonl(stream, "<stdin>", fields)
        elif kind == "warc":
            yield from read_warc(stream, "<stdin>", fields)
        else:
            yield Record(id="<stdin>", page=stream.read(), location="<stdin>")
    except READ_ERRORS as err:
        yield Problem("<stdin>", f"cannot read: {_describe(err)}")


# --- JSON Lines ----------------------------------------------------------------------------------


def read_jsonl(stream: IO[bytes], location: str, fields: Fields = Fields()) -> Iterator[Item]:
    """One record per line; a malformed line is a `Problem` at ``file:line``."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        yield _jsonl_record(line, f"{location}:{lineno}", fields)


def _jsonl_record(line: bytes, where: str, fields: Fields) -> Item:
    try:
        obj = json.loads(line)
    except ValueError as err:  # JSONDecodeError and UnicodeDecodeError
        return Problem(where, f"malformed JSON: {err}")
    if not isinstance(obj, dict):
        return Problem(where, f"expected a JSON object, got {type(obj).__name__}")
    ident = obj.get(fields.id)
    ident = where if ident is None else str(ident)
    page = obj.get(fields.text)
    if not isinstance(page, str):
        found = "missing" if page is None else f"a {type(page).__name__}, not a string"
        return Problem(where, f"field {fields.text!r} is {found}", id=ident)
    url = obj.get(fields.url)
    meta = {k: obj[k] for k in fields.keep if k in obj}
    return Record(id=ident, page=page, location=where, url=url if isinstance(url, str) else None, meta=meta)


# --- WARC ----------------------------------------------------------------------------------------


def read_warc(stream: IO[bytes], location: str, fields: Fields = Fields()) -> Iterator[Item]:
    """HTML ``response`` and ``resource`` records of a WARC (or WARC.gz) stream.

    Other responses (images, PDFs, errors) are skipped and reported; requests,
    metadata and warcinfo records are not pages and pass silently. A truncated
    record is a `Problem`; reading stops at the first damaged spot, since
    offsets after it cannot be trusted.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Problem(location, "cannot read WARC: warcio is not installed (pip install 'boilerplate-cleaner[warc]')")
        return

    records = ArchiveIterator(stream)
    try:
        for record in records:
            if record.format != "warc":  # warcio reads ARC too, and so takes any text for ARC lines
                message = f"unreadable WARC: {record.format.upper()} record, not WARC"
                yield Problem(f"{location}@{records.offset}", message)
                return
            if record.rec_type not in ("response", "resource"):
                continue
            item, complete = _warc_item(record)
            # Asked only now: warcio finds the offset by reading the record to its end.
            item.location = f"{location}@{records.get_record_offset()}"
            yield item
            if not complete:
                return
    except (ArchiveLoadFailed, *READ_ERRORS) as err:
        yield Problem(f"{location}@{records.offset}", f"unreadable WARC: {_describe(err)}")


def _warc_item(record: Any) -> tuple[Item, bool]:
    """The record as a `Record` or a `Problem`, and whether it was complete."""
    headers = record.rec_headers
    ident = headers.get_header("WARC-Record-ID") or ""
    url = headers.get_header("WARC-Target-URI")
    content_type, status = _warc_content_type(record)
    html = _is_html(content_type)
    body = record.content_stream().read() if html and status == 200 else b""
    while record.raw_stream.read(1 << 16):  # drain what the payload reader left, to see the end
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Problem("", f"truncated record ({url or ident})", id=ident), False
    if status != 200:
        return Problem("", f"skipped: HTTP status {status} ({url})", skipped=True, id=ident), True
    if not html:
        kind = content_type or "no content type"
        return Problem("", f"skipped: not HTML ({kind}; {url})", skipped=True, id=ident), True
    meta = {"date": headers.get_header("WARC-Date")}
    return Record(id=ident, page=_decode_declared(body, content_type), location="", url=url, meta=meta), True


def _warc_content_type(record: Any) -> tuple[str, int]:
    """The payload's content type and HTTP status (200 for ``resource`` records)."""
    if record.rec_type == "response" and record.http_headers is not None:
        http = record.http_headers
        try:
            status = int((http.get_statuscode() or "0").strip())
        except ValueError:
            status = 0
        return (http.get_header("Content-Type") or ""), status
    return (record.rec_headers.get_header("Content-Type") or ""), 200


def _is_html(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _decode_declared(body: bytes, content_type: str) -> str | bytes:
    """Text when the HTTP header names a charset that decodes the body; else the bytes, for `decode`.

    A byte-order mark outranks the header, as in browsers: such a body goes to `decode` as is.
    """
    if bom_codec(body):
        return body
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            try:
                return body.decode(codecs.lookup(value.strip().strip("\"'")).name)
            except (LookupError, UnicodeDecodeError):
                break
    return body
