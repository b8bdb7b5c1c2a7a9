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


def test_language_sets_share_the_compiled_patterns_of_their_common_entries() -> None:
    # An English entry is in every language set's gates; a worker process that meets pages in
    # several languages must compile it once, not once per set (compiling is most of its start-up).
    def compiled(languages: tuple[str, ...]) -> dict[str, object]:
        gate = vocab.gates(languages).cue
        entries = [e for found in gate.by_key.values() for e in found if e.tag[0] == "donation"]
        return {e.source: e.pattern(gate) for e in entries}

    english, with_french = compiled(("en",)), compiled(("en", "fr"))
    shared = english.keys() & with_french.keys()
    assert shared
    assert all(english[s] is with_french[s] for s in shared)


@pytest.mark.parametrize(
    "text",
    ["Photo: Jane Doe / Reuters", "Read more (opens in a new window) 2024", "İstanbul 12 Share this", "", " a_b  ©"],
)
def test_candidates_from_a_start_are_those_at_every_start(text: str) -> None:
    """The one-pass read of a block's heads finds the patterns the listed places find."""
    from cleaner.gate import starts

    gates = vocab.gates(("en", "de"))
    for gate in (gates.cue, gates.edge_end):
        for begin in (0, 3):
            want = {(tag, p.pattern) for tag, p in gate.candidates(text, starts(text, begin))}
            assert {(tag, p.pattern) for tag, p in gate.candidates_from(text, begin)} == want
