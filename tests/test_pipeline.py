"""The pipeline model: named filters, editing, custom filters and plugins."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import EntryPoint

import pytest

import cleaner
from cleaner import Block, BlockFilter, Decision, Document, Filter, Pipeline, UnknownFilterError, registry

PAGE = (
    "A short history of the river school\n\n"
    "The school was founded in 1952 by teachers who wanted children to learn near their homes.\n\n"
    "ACME WIDGETS CORPORATION\n\n"
    "Today it teaches three hundred pupils, and its library is open to the whole village.\n"
)


def test_default_pipeline_lists_every_builtin_filter_in_order() -> None:
    pipe = Pipeline.default()
    assert pipe.names == list(cleaner.DEFAULT_FILTERS)
    assert pipe.names[0] == "dom_structure" and pipe.names[-1] == "guard"
    assert set(pipe.names) <= set(cleaner.available_filters())


def test_add_before_after_remove_replace() -> None:
    pipe = Pipeline.default()
    pipe.remove("pull_quotes")
    assert "pull_quotes" not in pipe.names
    pipe.add("pull_quotes", before="main_body")
    assert pipe.names.index("pull_quotes") == pipe.names.index("main_body") - 1
    pipe.remove("pull_quotes").add("pull_quotes", after="guard")
    assert pipe.names[-1] == "pull_quotes"
    pipe.replace("pull_quotes", "title_repeat")
    assert pipe.names[-1] == "title_repeat"
    with pytest.raises(ValueError):
        pipe.add("edges", before="guard", after="guard")
    with pytest.raises(KeyError, match="no filter 'nope'"):
        pipe.remove("nope")


def test_unknown_filter_name_is_a_typed_error_listing_known_names() -> None:
    with pytest.raises(UnknownFilterError, match=r"unknown filter 'no_such_filter'.*main_body"):
        Pipeline(["no_such_filter"])


class SponsorFilter(Filter):
    name = "sponsor"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for block in doc.blocks:
            if block.text.startswith("ACME WIDGETS"):
                yield self.drop(block, "sponsor line")


def test_custom_filter_class_runs_and_is_explained() -> None:
    pipe = Pipeline.default().add(SponsorFilter(), before="main_body")
    result = cleaner.clean_and_explain(PAGE, pipeline=pipe)
    assert "ACME WIDGETS" not in result.text
    assert any(d.filter == "sponsor" and d.reason == "sponsor line" for d in result.decisions)
    assert "ACME WIDGETS" in cleaner.clean(PAGE)  # the default pipeline is unchanged


def test_block_filter_wraps_a_callable() -> None:
    def rule(block: Block, doc: Document) -> str | None:
        return "mentions 1952" if "1952" in block.text else None

    result = cleaner.clean_and_explain(PAGE, pipeline=[BlockFilter("no_1952", rule)])
    assert "1952" not in result.text
    assert result.decisions[0].filter == "no_1952"


def test_pipeline_from_names_runs_only_those_filters() -> None:
    assert cleaner.clean(PAGE, pipeline=[]) == PAGE


def test_plugins_are_found_through_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint("sponsor", f"{__name__}:SponsorFilter", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep] if group == ep.group else [])
    assert "sponsor" in cleaner.available_filters()
    pipe = Pipeline.default().add("sponsor", after="edges")
    assert "ACME WIDGETS" not in cleaner.clean(PAGE, pipeline=pipe)
