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


def test_the_custom_filter_example_in_extending_md_runs() -> None:
    import regex

    text = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    code = regex.findall(r"```python\n(.*?)```", text, flags=regex.S)[0]
    page = "A title for the page\n\nACME NEWSROOM 2024\n\nA paragraph of the article that reads like prose."
    scope: dict[str, object] = {"page": page}
    exec(compile(code, "extending.md", "exec"), scope)
    result = scope["result"]
    assert isinstance(result, cleaner.Result)
    assert "ACME NEWSROOM" not in result.text
    assert any(d.filter == "newsroom_stamps" for d in result.decisions)
