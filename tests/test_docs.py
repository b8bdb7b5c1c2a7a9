"""The documentation keeps up with the code."""

from __future__ import annotations

import cleaner

from .conftest import ROOT


def test_every_default_filter_is_documented() -> None:
    text = (ROOT / "docs" / "filters.md").read_text(encoding="utf-8")
    missing = [name for name in cleaner.DEFAULT_FILTERS if f"## {name}\n" not in text]
    assert not missing


def test_every_filter_module_has_a_docstring_with_removes_signals_traps() -> None:
    from cleaner import registry

    for name in cleaner.DEFAULT_FILTERS:
        made = registry.create(name)
        doc = __import__(type(made).__module__, fromlist=["_"]).__doc__ or ""
        assert "Traps avoided" in doc, name
