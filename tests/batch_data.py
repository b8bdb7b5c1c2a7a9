"""Pages and archives for the batch, CLI and integration tests, built in the test (no files shipped)."""

from __future__ import annotations

import importlib
import io
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

REQUIRE_EXTRAS = bool(os.environ.get("CLEANER_REQUIRE_EXTRAS"))  # set by .ci/run: CI must not skip these


def need(module: str, reason: str) -> ModuleType:
    """Import an optional dependency, or skip the test with the reason (fail instead under CI)."""
    if REQUIRE_EXTRAS:
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=reason)


ARTICLE = (
    "<html><head><title>Floods displace thousands</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About</a></nav>"
    "<h1>Floods displace thousands in the river delta</h1>"
    "<p>Heavy rains over the weekend forced more than ten thousand families to leave their homes, "
    "local officials said on Monday, as rivers rose above their banks.</p>"
    "<p>Aid groups are setting up shelters in schools and are distributing clean water and food "
    "to the families who arrived overnight.</p>"
    "<p>Share this article on Facebook</p>"
    "</body></html>"
)

TEXT_PAGE = (
    "Skip to main content\n\n"
    "Floods displace thousands in the river delta\n\n"
    "Heavy rains over the weekend forced more than ten thousand families to leave their homes, "
    "local officials said on Monday, as rivers rose above their banks.\n"
)


def numbered_page(i: int) -> str:
    """A distinct small article per number, so that order can be checked on the output."""
    return (
        f"Report number {i} on the harvest\n\n"
        f"The harvest in district {i} was larger than expected this year, farmers said on Tuesday, "
        f"after a season of steady rain and mild temperatures across the region.\n"
    )


def write_jsonl(path: Path, lines: list[object | str]) -> Path:
    """A JSONL file; a `str` entry is written as is (to make a malformed line)."""
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def warc_bytes(*, gzip: bool, truncate_last: bool) -> bytes:
    """A WARC with a request, an HTML response, a PNG response, a 404 and a second HTML response.

    With ``truncate_last`` the last record loses its end, as when a crawler dies mid-write.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    payloads = [
        ("http://example.org/floods", "200 OK", "text/html; charset=utf-8", ARTICLE.encode()),
        ("http://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("http://example.org/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
        ("http://example.org/last", "200 OK", "text/html", ARTICLE.replace("Floods", "Storms").encode() * 3),
    ]
    get = io.BytesIO(b"GET /floods HTTP/1.1\r\n\r\n")
    request = writer.create_warc_record("http://example.org/floods", "request", payload=get)
    writer.write_record(request)
    for url, status, ctype, body in payloads:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], "HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    data = buf.getvalue()
    return data[:-300] if truncate_last else data
