"""The shipped vocabularies are valid, and a malformed one is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import vocab
from cleaner.errors import VocabularyError

DATA = Path(vocab.__file__).parent / "data" / "vocab"


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_vocabulary_file_parses_with_its_regexes_compiled(path: Path) -> None:
    sections = vocab.parse(path.read_text(encoding="utf-8"), str(path), check_regexes=True)
    assert any(sections.values())


def test_a_bad_regex_names_its_file_and_line() -> None:
    with pytest.raises(VocabularyError, match=r"^kind\.txt:3: bad regular expression"):
        vocab.parse("# comment\n[line]\nre: (unclosed\n", "kind.txt")


def test_every_language_set_compiles_its_gates() -> None:
    for lang in vocab.LANGUAGES:
        vocab.precompile(("en", lang) if lang != "en" else ("en",))
