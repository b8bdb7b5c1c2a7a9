"""User rules: every kind, scope and action changes what it must and nothing else; rule files validate."""

from __future__ import annotations

import time
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import cleaner
from cleaner import Action, Pipeline, Rule, RuleError, Scope, registry
from cleaner.rulefile import check, load, parse

from .test_pipeline import SponsorFilter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "rules.toml"

PAGE = """Floods displace thousands in the river delta

Heavy rains have forced more than twelve thousand families from their homes, the regional relief agency said on Monday.

Members: log in for the full briefing pack.

Our partners on the ground are distributing clean water and shelter kits in the worst-hit districts of the delta.

Field notes
Water levels
Shelter sites

Local officials expect the waters to recede within two weeks, but warn that disease outbreaks remain a serious risk.

Donate now
"""
MEMBERS = "Members: log in for the full briefing pack."
FR_PAGE = (
    "Inondations dans le delta\n\n"
    "Les pluies ont forcé plus de douze mille familles à quitter leurs maisons, a déclaré lundi l'agence.\n\n"
    "Membres : connectez-vous pour le dossier complet.\n\n"
    "Les autorités locales prévoient une décrue dans les deux semaines, mais la situation reste préoccupante.\n"
)
BASELINE = cleaner.clean(PAGE)


def run(*rules: Rule, url: str | None = None, page: str = PAGE) -> cleaner.Result:
    return cleaner.clean_and_explain(page, rules=list(rules), url=url)


def test_the_baseline_keeps_the_lines_the_rules_target() -> None:
    assert MEMBERS in BASELINE and "Field notes" in BASELINE and "Donate now" not in BASELINE


# --- kinds -----------------------------------------------------------------


def test_phrase_rules_are_case_folded() -> None:
    result = run(Rule("members", phrases=("LOG IN for the full briefing",)))
    assert MEMBERS not in result.text
    assert [d.filter for d in result.decisions if d.text == MEMBERS] == ["rule:members"]


def test_phrase_rules_are_word_bounded() -> None:
    assert run(Rule("part", phrases=("partner",))).text == BASELINE  # "partners" is another word
    assert "Our partners on the ground" not in run(Rule("part", phrases=("partners",))).text


def test_regex_rules_match_as_written() -> None:
    assert MEMBERS not in run(Rule("members", pattern=r"^Members:")).text
    assert run(Rule("members", pattern=r"^members:")).text == BASELINE  # case-sensitive unless (?i)


def test_callable_rules_decide_per_block_and_give_their_reason() -> None:
    result = run(Rule("cb", test=lambda b: "a members-only line" if b.text.startswith("Members") else None))
    assert MEMBERS not in result.text
    assert "rule:cb" in {d.filter for d in result.decisions if d.reason == "a members-only line"}
    assert run(Rule("never", test=lambda b: None)).text == BASELINE


# --- scopes ----------------------------------------------------------------


def test_site_scope_matches_the_domain_and_its_subdomains() -> None:
    rule = Rule("members", phrases=("log in",), scope=Scope(sites=("relief.example",)))
    assert MEMBERS not in run(rule, url="https://www.relief.example/news/floods").text
    assert run(rule, url="https://other.example/news/floods").text == BASELINE
    assert run(rule).text == BASELINE  # no url, no site rule


def test_site_globs_may_name_a_path() -> None:
    rule = Rule("members", phrases=("log in",), scope=Scope(sites=("relief.example/news/*",)))
    assert MEMBERS not in run(rule, url="https://relief.example/news/floods").text
    assert run(rule, url="https://relief.example/blog/floods").text == BASELINE


def test_language_scope_follows_the_page_language() -> None:
    rule = Rule("membres", phrases=("connectez-vous",), scope=Scope(langs=("fr",)))
    assert "Membres" not in run(rule, page=FR_PAGE).text
    english = Rule("members", phrases=("log in",), scope=Scope(langs=("fr",)))
    assert run(english).text == BASELINE


def test_zone_scope_limits_a_rule_to_the_first_or_last_blocks() -> None:
    assert MEMBERS in run(Rule("z", phrases=("log in",), scope=Scope(zone=("first", 2)))).text
    assert MEMBERS not in run(Rule("z", phrases=("log in",), scope=Scope(zone=("first", 3)))).text
    assert "Shelter sites" not in run(Rule("z", phrases=("shelter sites",), scope=Scope(zone=("last", 3)))).text
    assert run(Rule("z", phrases=("log in",), scope=Scope(zone=("last", 3)))).text == BASELINE


# --- actions ---------------------------------------------------------------


def test_trim_removes_only_the_matched_span() -> None:
    text = run(Rule("t", phrases=("for the full briefing pack",), action="trim")).text
    assert "Members: log in" in text and "briefing pack" not in text


def test_drop_section_takes_the_marker_and_the_short_lines_under_it() -> None:
    text = run(Rule("notes", phrases=("field notes",), action="drop_section")).text
    assert "Field notes" not in text and "Shelter sites" not in text
    assert "Local officials expect" in text  # prose ends the section


def test_truncate_after_drops_the_marker_and_the_rest() -> None:
    text = run(Rule("cut", phrases=("field notes",), action="truncate_after")).text
    assert text.rstrip().endswith("worst-hit districts of the delta.")
    assert run(Rule("cut", phrases=("no such marker",), action="truncate_after")).text == BASELINE


def test_keep_protects_a_block_from_the_built_in_filters() -> None:
    assert "Donate now" in run(Rule("keep", phrases=("donate now",), action="keep")).text
    assert "Donate now" not in run(Rule("keep", phrases=("donate later",), action="keep")).text


def test_keep_rules_win_over_drop_rules_whatever_the_order() -> None:
    drop = Rule("drop", phrases=("log in",))
    keep = Rule("keep", phrases=("log in",), action="keep")
    assert MEMBERS in run(drop, keep).text


# --- time limits -----------------------------------------------------------


def test_a_catastrophic_regex_is_skipped_within_its_time_limit_and_reported() -> None:
    page = PAGE + "\n" + ("a" * 5000 + "!\n") * 20
    rule = Rule("slow", pattern=r"^(a|aa)+$", timeout=0.2)
    started = time.perf_counter()
    result = cleaner.clean_and_explain(page, rules=[rule])
    elapsed = time.perf_counter() - started
    assert elapsed < 0.2 + 5.0  # without the limit this pattern runs for hours
    notes = [d for d in result.decisions if d.action is Action.NOTE]
    assert notes and notes[0].filter == "rule:slow" and "0.2 s" in notes[0].reason


# --- Python API errors -----------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one"),
        ({"phrases": ("x",), "pattern": "x"}, "exactly one"),
        ({"phrases": ("x",), "action": "hide"}, "unknown action 'hide'"),
        ({"pattern": "(unclosed"}, "bad regular expression"),
        ({"phrases": ("...",)}, "at least one word"),
    ],
)
def test_bad_rules_raise_rule_error_naming_the_rule(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message) as info:
        Rule("bad", **kwargs)  # type: ignore[arg-type]
    assert "rule 'bad'" in str(info.value)


# --- rule files ------------------------------------------------------------


def test_the_documented_example_rule_file_loads_and_its_tests_pass() -> None:
    rules = load(EXAMPLE)
    assert rules.rules and rules.tests
    outcomes = check(EXAMPLE)
    assert outcomes and all(o.passed for o in outcomes), [o.problems for o in outcomes if not o.passed]


def test_a_rule_file_is_merged_over_the_default_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[pipeline]\nremove = ["donation"]\n\n[[rules]]\nid = "members"\nphrase = "log in"\n')
    pipe = Pipeline.from_rules(path)
    assert pipe.names[0] == "rules" and "donation" not in pipe.names
    result = cleaner.clean_and_explain(PAGE, rules=path)
    assert MEMBERS not in result.text and "donation" not in result.removals()


def test_site_sections_scope_their_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[sites."relief.example"]\n[[sites."relief.example".rules]]\nid = "m"\nphrase = "log in"\n')
    assert MEMBERS not in cleaner.clean(PAGE, rules=path, url="https://relief.example/a")
    assert cleaner.clean(PAGE, rules=path, url="https://elsewhere.example/a") == BASELINE


def test_installed_plugins_are_usable_by_name_in_a_rule_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ep = EntryPoint("sponsor", f"{SponsorFilter.__module__}:SponsorFilter", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep] if group == ep.group else [])
    path = tmp_path / "rules.toml"
    path.write_text('[pipeline]\nadd = [{ filter = "sponsor", after = "edges" }]\n')
    names = Pipeline.from_rules(path).names
    assert names[names.index("edges") + 1] == "sponsor"


def test_failing_inline_tests_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rules]]\nid = "m"\nphrase = "log in"\n\n'
        '[[tests]]\nname = "wrong"\ninput = "Members: log in now.\\n\\nA long paragraph of prose text for the test."\n'
        'kept = ["Members"]\n'
    )
    [outcome] = check(path)
    assert not outcome.passed and "should be kept" in outcome.problems[0]


BAD_FILES = [
    ('[[rules]]\nid = "a"\nphrase = "x"\nacton = "drop"\n', 2, "a", "unknown rule key 'acton'"),
    ('[[rules]]\nid = "a"\nphrase = "x"\n\n[[rules]]\nid = "b"\nregex = "(open"\n', 7, "b", "bad regular expression"),
    ('[[rules]]\nid = "a"\nphrase = "x"\naction = "hide"\n', 4, "a", "unknown action 'hide'"),
    ('[[rules]]\nid = "a"\nphrase = "x"\nzone = "middle:3"\n', 4, "a", "zone must be"),
    ('[[rules]]\nid = "a"\nphrase = "x"\nsite = "https://example.org"\n', 4, "a", "domain or a glob"),
    ('[[rules]]\nid = "a"\nphrase = "x"\nlang = 3\n', 4, "a", "lang must be"),
    ('[[rules]]\nphrase = "x"\n', 1, None, "needs an id"),
    ('[[rules]]\nid = "a"\nphrase = "x"\n[[rules]]\nid = "a"\nphrase = "y"\n', 5, "a", "duplicate id"),
    ('[[rules]]\nid = "a"\nphrase = "x"\ncallable = "os:system"\n', 2, "a", "unknown rule key 'callable'"),
    ('[pipeline]\nadd = ["no_such_filter"]\n', 2, None, "no_such_filter"),
    ('[pipeline]\nremove = ["no_such_filter"]\n', 2, None, "cannot remove"),
    ("[[rules]]\nid = = 1\n", 2, None, "not valid TOML"),
    ('[sites.example.org]\n[[sites.example.org.rules]]\nid = "a"\nphrase = "x"\n', None, None, "quote site names"),
    ('[[rules]]\nid = "a"\nphrase = "x"\nlang = "nl"\n', 4, "a", "unknown language 'nl'"),
    ('[[rules]]\nid = "a"\nphrase = "x"\n\ntimeout = 0\n', 5, "a", "timeout must be a positive"),
    ('[[rules]]\nid = "a"\nphrase = ["ok", "--"]\n', 3, "a", "every phrase needs at least one word"),
    ('[pipeline]\nadd = "sponsor"\n', 2, None, "add must be a list"),
    ('[[tests]]\ninput = "x"\nmode = "bogus"\n', 3, None, "mode must be one of"),
    ('[[tests]]\ninput = "x"\nexpect = 3\n', 3, None, "expect must be a string"),
]


@pytest.mark.parametrize(("text", "line", "rule_id", "message"), BAD_FILES)
def test_bad_rule_files_name_the_file_line_and_rule(
    tmp_path: Path, text: str, line: int | None, rule_id: str | None, message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(RuleError) as info:
        Pipeline.from_rules(path)
    error = info.value
    assert message in str(error) and "\n" not in str(error)
    assert (error.path, error.line, error.rule_id) == (str(path), line, rule_id)
    assert str(error).startswith(f"{path}:{line}:" if line else f"{path}:")


def test_a_missing_rule_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        cleaner.clean(PAGE, rules=tmp_path / "missing.toml")


def test_parse_reads_text_without_a_file() -> None:
    rules = parse('[[rules]]\nid = "m"\nphrase = ["log in", "sign in"]\nwhole_line = false\n', "inline")
    assert rules.rules[0].phrases == ("log in", "sign in") and rules.rules[0].source == "inline:2"
