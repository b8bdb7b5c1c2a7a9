"""The on-disk cache of compiled vocabularies: built once, read after, rebuilt when its data changes,
and never in the way (disabled, read-only or damaged, the caller builds in memory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import regex

from cleaner import disk_cache, language, vocab


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("[cue]\nre: donate\n", encoding="utf-8")
    return [source]


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, regex.Pattern[str]]:
        self.calls += 1
        return {"donate": regex.compile("donate", regex.I)}


def test_the_first_process_builds_and_stores_later_ones_read(data: list[Path]) -> None:
    build = Builder()
    first = disk_cache.load_or_build("t", data, build, dict)
    again = disk_cache.load_or_build("t", data, build, dict)
    assert build.calls == 1
    assert first is not None and again is not None
    assert again["donate"].search("Please DONATE now")  # a compiled pattern, loaded from its pickle


def test_edited_data_gets_a_new_file(data: list[Path]) -> None:
    build = Builder()
    disk_cache.load_or_build("t", data, build, dict)
    data[0].write_text("[cue]\nre: donate|give\n", encoding="utf-8")
    disk_cache.load_or_build("t", data, build, dict)
    assert build.calls == 2
    assert len(list((data[0].parent / "cache").glob("t-*.pickle"))) == 2


def test_only_the_most_recently_used_files_of_a_kind_are_kept(data: list[Path]) -> None:
    build, cache = Builder(), data[0].parent / "cache"
    (cache / "other-kind.pickle").parent.mkdir()
    (cache / "other-kind.pickle").touch()
    written = []
    for n in range(disk_cache.KEEP + 2):  # an upgrade or an edited vocabulary each write a new file
        data[0].write_text(f"[cue]\nre: donate{n}\n", encoding="utf-8")
        disk_cache.load_or_build("t", data, build, dict)
        (new,) = set(cache.glob("t-*.pickle")).difference(written)
        os.utime(new, (1e9 + n, 1e9 + n))  # file times are coarse: order the writes explicitly
        written.append(new)
    assert sorted(cache.glob("t-*.pickle")) == sorted(written[-disk_cache.KEEP :])
    assert (cache / "other-kind.pickle").exists()  # another kind's files are not this kind's to delete


def test_reading_a_file_marks_it_used(data: list[Path]) -> None:
    build = Builder()
    disk_cache.load_or_build("t", data, build, dict)
    (stored,) = (data[0].parent / "cache").glob("t-*.pickle")
    os.utime(stored, (1e9, 1e9))
    disk_cache.load_or_build("t", data, build, dict)
    assert build.calls == 1 and stored.stat().st_mtime > 1e9


def test_a_file_that_cannot_be_written_leaves_the_result_in_memory(
    data: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(disk_cache.tempfile, "mkstemp", full_disk)  # root too: unlike a read-only folder
    build = Builder()
    assert disk_cache.load_or_build("t", data, build, dict) == build()
    assert not list((data[0].parent / "cache").glob("t-*"))


def test_a_damaged_file_is_rebuilt(data: list[Path]) -> None:
    build = Builder()
    disk_cache.load_or_build("t", data, build, dict)
    (stored,) = (data[0].parent / "cache").glob("t-*.pickle")
    stored.write_bytes(stored.read_bytes()[:20])
    assert disk_cache.load_or_build("t", data, build, dict) == build()
    assert build.calls == 3


def test_a_stored_value_of_the_wrong_type_is_rebuilt(data: list[Path]) -> None:
    build = Builder()
    disk_cache.load_or_build("t", data, build, dict)
    assert disk_cache.load_or_build("t", data, build, list) is not None
    assert build.calls == 2


def test_an_empty_cache_dir_setting_keeps_nothing_on_disk(data: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    build = Builder()
    assert disk_cache.load_or_build("t", data, build, dict) is None
    assert build.calls == 0  # the caller builds what it needs, when it needs it


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_means_no_cache(data: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    locked = data[0].parent / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(locked))
    build = Builder()
    assert disk_cache.load_or_build("t", data, build, dict) is None
    assert build.calls == 0


def test_a_folder_that_cannot_be_made_means_no_cache(data: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(data[0] / "under-a-file"))  # a file is no folder, even for root
    build = Builder()
    assert disk_cache.load_or_build("t", data, build, dict) is None
    assert build.calls == 0


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.folder() == tmp_path / "cleaner"


def test_every_language_set_a_page_can_get_is_stored() -> None:
    for lang in vocab.LANGUAGES:
        assert language.vocabulary_languages("", forced=lang) in vocab.LANGUAGE_SETS


def test_stored_gates_match_like_gates_built_in_memory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    stored = disk_cache.load_or_build("gates", [], vocab._compile_every_set, dict)
    assert stored is not None
    reloaded = disk_cache.load_or_build("gates", [], vocab._compile_every_set, dict)
    assert reloaded is not None and reloaded is not stored
    line = "Cookies help us deliver our services. By using our site you agree to our use of cookies."
    for languages, built in reloaded.items():
        fresh = vocab._build_gates(languages)
        positions = range(len(line))
        got = {(tag, p.pattern) for tag, p in built.cue.candidates(line, positions)}
        want = {(tag, p.pattern) for tag, p in fresh.cue.candidates(line, positions)}
        assert got == want and got
        entries = [e for gate in (built.line, built.cue) for found in gate.by_key.values() for e in found]
        assert all(e._compiled is not None for e in entries)  # loaded compiled, not compiled on first use


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # as with no $HOME and no password entry
    assert disk_cache.folder() is None
