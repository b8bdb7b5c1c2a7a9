"""The shipped vocabularies are valid, and a malformed one is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

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


GATED_TEXTS = [
    "A view of the harbour at dusk. Photo credit: Jane Doe",
    "The mayor speaks on Monday (Photo by John Smith)",
    "Home | About us | Contact",
    "News / Sport / Weather / Travel",
    "John Smith on January 5, 2024 at 3:00 pm",
    "Mary said: March 3, 2023 at 10:15 am",
    "This site uses cookies to improve your experience.",
    "The post Ten walks appeared first on Example.",
    "Your monthly gift today helps children in need.",
    "Copyright 2024 Example Inc. All rights reserved.",
    "harbour-at-dusk-1200x800",
    "* * * * *",
    "— ›",
    "__init__",
]


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_a_gate_skips_no_entry_that_matches(text: str) -> None:
    """Gating (heads, strings found inside, an entry's longer starts) only skips work: the
    line and cue entries a gate tries find what trying every entry finds."""
    from cleaner.gate import starts
    from cleaner.view import lead, words

    gates = vocab.gates(("en",))
    for gate, places, hit in (
        (gates.line, lead(text, words(text)), lambda p: p.fullmatch(text) is not None),
        (gates.cue, starts(text), lambda p: p.search(text) is not None),
    ):
        every = {id(e): e for found in (*gate.by_key.values(), *gate.inside.values(), gate.always) for e in found}
        want = {e.tag for e in every.values() if hit(e.pattern(gate))}
        assert {tag for tag, p in gate.candidates(text, places) if hit(p)} == want


def test_the_inner_reader_takes_a_tail_with_few_strings() -> None:
    """After a lead that matches anything, a class of punctuation makes too many strings to look
    for; a later part of the entry that every match holds makes few."""
    from cleaner.gate import MAX_INNER, inner_prefixes

    found = inner_prefixes(r".{5,400}[\h.,;:(-]\h*(photo|image)s?(\h+by)?\h*:\h*[^.!?:;\n]{2,90}")
    assert found is not None and len(found) <= MAX_INNER
    assert inner_prefixes(r".{0,40}rights reserved") == {"rig"}


def test_the_inner_reader_prefers_the_tail_whose_strings_say_most() -> None:
    """A space or a lone letter is in almost every block; an extension or a number in few."""
    from cleaner.gate import inner_prefixes

    assert inner_prefixes(r"[\w'-]{1,60}(\h[\w'-]{1,60}){0,8}\.(jpe?g|png)") == {".jp", ".pn"}
    assert inner_prefixes(r".{0,120}(is a|are a) 501\(c\)") == {"000"}  # digits are kept as "0"


def test_an_entry_with_too_many_starts_is_keyed_by_its_first_characters() -> None:
    """Three of eleven symbols make over a thousand starts, but an entry still starts with one of eleven."""
    from cleaner.gate import Gate

    gate = Gate.build([(("artifacts", "line"), r"[-_=~*.|/]{3,}")], r"^[^\w\n]*(?:{alt})[^\w\n]*$", vocab._FLAGS)
    assert not gate.always and set(gate.by_key) == set("-_=~*.|/")
    assert [tag for tag, p in gate.candidates("-- *** --", range(1)) if p.fullmatch("-- *** --")]
    assert not gate.candidates("Headline", range(1))


def test_an_entry_is_tried_only_where_a_block_holds_a_string_it_needs() -> None:
    """A dated byline starts with "pub" in many a block, but holds a month's name in few."""
    from cleaner.gate import Gate

    source = r"(published|posted|updated)\h+on\h+(jan|feb)\w*\h+\d{1,2}"
    gate = Gate.build([(("byline", "line"), source)], r"^[^\w\n]*(?:{alt})[^\w\n]*$", vocab._FLAGS)
    assert not gate.candidates("Published by the city council", range(1))
    assert [
        tag for tag, p in gate.candidates("Published on January 5", range(1)) if p.fullmatch("Published on January 5")
    ]


@pytest.mark.parametrize(
    ("entry", "typeset"),
    [
        ("moins d'une minute", "moins d\u2019une minute"),
        (r"[\w']+ reserved", "l\u2019auteur reserved"),  # inside a class
        (r"l\'article", "l\u2018article"),  # escaped
        (r"[]']x", "\u2019x"),  # a class opening with "]"
        ("faire un don", "faire\u00a0un don"),  # a no-break space between words
        (r"don ?!", "don\u202f!"),  # French spacing before "!"
        (r"[^ ]+ now", "Donate\u00a0now"),  # a class
    ],
)
def test_a_regex_entry_written_plain_matches_typeset_apostrophes_and_spaces(entry: str, typeset: str) -> None:
    (found,) = vocab.parse(f"[cue]\nre:{entry}\n", "t.txt")["cue"]
    plain = typeset.translate({0x2019: "'", 0x2018: "'", 0xA0: " ", 0x202F: " "})
    assert regex.fullmatch(found.pattern, plain, regex.I)
    assert regex.fullmatch(found.pattern, typeset, regex.I)
    assert not regex.fullmatch(
        found.pattern, typeset.translate({0x2019: "#", 0x2018: "#", 0xA0: "#", 0x202F: "#"}), regex.I
    )


# runs of the characters names, dates and separators are made of: an entry whose parts can split such a
# run many ways backtracks for seconds on it (a place-and-date line took 30 s on 400 characters of "A-A-…")
BACKTRACKING_BAIT = ["A-" * 110, "A." * 110, "A'" * 110, "Ab " * 75, "a " * 110, "ActionAdventure" * 15]
BACKTRACKING_BAIT += ["0." * 110, "1, " * 75, "Jan 1, " * 32, "- " * 110, "-" * 220, "|" * 220, ". " * 110]


def test_no_vocabulary_entry_backtracks_on_runs_of_name_characters() -> None:
    import time

    gates = vocab.gates(tuple(vocab.LANGUAGES))
    slow = []
    for name in ("line", "cue", "edge_start", "edge_end"):
        gate = getattr(gates, name)
        entries = {id(e): e for es in (*gate.by_key.values(), *gate.inside.values(), gate.always) for e in es}
        for entry in entries.values():
            pattern = entry.pattern(gate)
            for text in BACKTRACKING_BAIT:
                began = time.perf_counter()
                pattern.search(text + "!")
                if time.perf_counter() - began > 0.5:
                    slow.append((name, entry.source[:80], text[:12]))
    assert not slow
