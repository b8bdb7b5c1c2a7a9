"""Work that depends only on shipped data files, kept on disk between runs.

Reading and compiling the vocabularies' regexes is most of a cold start:
about 0.9 s for the six languages' gates, paid again by every process and by
every worker of a batch. A compiled `regex` pattern pickles as its compiled
code and loads about 30 times faster than it compiles, so the first process
builds the result once and writes it to the user's cache folder; later
processes load it.

A file's name carries a digest of the files it was built from (the data, and
the modules whose objects it holds) and the versions of ``cleaner``, ``regex``
and Python, so an upgrade or an edited vocabulary gets a new file. Only the cache's own folder is read: the user's
cache, as trusted as their home folder. ``CLEANER_CACHE_DIR`` names another
folder; an empty value keeps nothing on disk. Any failure (no folder,
read-only, a truncated file) falls back to building in memory. The folder
holds at most `KEEP` files of a kind, the most recently used: each upgrade
or edited vocabulary writes a new one, and several installed versions may
share the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import regex

T = TypeVar("T")

FORMAT = 1  # bump when what is stored changes shape (the code digest covers its classes)
KEEP = 3  # files kept per kind: a few installed versions share a folder without rebuilding in turn


def folder() -> Path | None:
    """``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``; None when disabled."""
    chosen = os.environ.get("CLEANER_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):  # no home folder to expand to: never a "~" folder under the working directory
        return None
    return Path(base) / "cleaner"


def file_name(kind: str, sources: Iterable[Path]) -> str:
    """The file for `kind` built from these files (their names and bytes) under today's versions."""
    from . import __version__  # here: the package is still importing when this module is

    digest = hashlib.sha256(f"{__version__} {regex.__version__} {sys.version} {FORMAT}".encode())
    for path in sorted(sources):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{kind}-{digest.hexdigest()[:20]}.pickle"


def load_or_build(kind: str, sources: Iterable[Path], build: Callable[[], T], expected: type) -> T | None:
    """`build()`'s result, read from the cache folder if an earlier process stored it, else built and stored.

    None when the cache is disabled or its folder cannot be written: the caller
    then builds only what it needs, when it needs it.
    """
    where = folder()
    try:
        path = where / file_name(kind, sources) if where else None
    except OSError:  # a data file went missing: nothing to key the cache on
        path = None
    if path is None:
        return None
    stored = _read(path)
    if isinstance(stored, expected):
        with contextlib.suppress(OSError):  # marks the file used, for `_prune`; a read-only folder keeps its files
            os.utime(path)
        return stored  # type: ignore[return-value]  # `expected` is T's runtime class, as the caller says
    if not _writable(path.parent):
        return None
    built = build()
    if _write(path, built):
        _prune(path.parent, kind)
    return built


def _read(path: Path) -> object:
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # missing, truncated or from another build: build instead
        return None


def _writable(where: Path) -> bool:
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(where, os.W_OK)


def _write(path: Path, value: object) -> bool:
    """Write atomically (a temporary file renamed), so that a reader never sees half a file.

    False when it could not be written: a full disk leaves the result in memory only.
    """
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except Exception:  # full disk, a value that does not pickle
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _prune(where: Path, kind: str) -> None:
    """Delete all but the `KEEP` most recently used files of `kind` (the one just written is the newest)."""
    with contextlib.suppress(OSError):  # another process pruning the same folder got there first
        found = sorted(where.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[KEEP:]:
            old.unlink(missing_ok=True)
