"""The benchmark charts, drawn from a tiny synthetic ``results.json`` (skipped without matplotlib)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from benchmarks import plots

pytest.importorskip("matplotlib", reason="matplotlib missing: pip install -e '.[plot]'")

SVG = "{http://www.w3.org/2000/svg}"


def summary(extractor: str, f1: float, ms: float, filters: dict[str, int] | None = None) -> dict[str, Any]:
    return {"extractor": extractor, "metric": "word", "pages": 3, "f1": f1, "median_ms": ms, "filters": filters or {}}


def texts(path: Path) -> list[str]:
    return ["".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG}text")]


@pytest.fixture()
def results(tmp_path: Path) -> Path:
    data = {
        "meta": {},
        "summaries": {
            "ngo/text": [
                summary("cleaner", 0.98, 40.0, {"take_action": 7, "consent": 2}),
                summary("trafilatura", 0.88, 12.0),
                summary("identity", 0.6, 0.0),
            ],
            "wcxb/html": [summary("cleaner", 0.74, 55.0, {"consent": 5, "main_body": 11}), summary("jusText", 0.7, 9)],
        },
        "pages": {},
    }
    path = tmp_path / "results.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_quality_speed_and_removals_charts(results: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    written = plots.write_plots(results, out)
    assert written == [out / plots.QUALITY_SPEED, out / plots.REMOVALS]
    quality = texts(out / plots.QUALITY_SPEED)
    assert "ngo/text (3 pages)" in quality and "wcxb/html (3 pages)" in quality
    for name in ("cleaner", "trafilatura", "identity", "jusText"):
        assert name in quality
    assert "median ms per page (log)" in quality
    removed = texts(out / plots.REMOVALS)
    assert {"take_action", "consent", "main_body", "ngo/text", "wcxb/html"} <= set(removed)
    # cells: take_action 7 and its total 7, consent's total 2+5; main_body 11 and its total 11
    assert removed.count("7") == 3 and removed.count("11") == 2


def test_charts_are_reproducible(results: Path, tmp_path: Path) -> None:
    first = [p.read_bytes() for p in plots.write_plots(results, tmp_path / "a")]
    second = [p.read_bytes() for p in plots.write_plots(results, tmp_path / "b")]
    assert first == second


def test_no_removals_chart_without_cleaner_filters(results: Path, tmp_path: Path) -> None:
    data = json.loads(results.read_text(encoding="utf-8"))
    for rows in data["summaries"].values():
        for s in rows:
            s["filters"] = {}
    results.write_text(json.dumps(data), encoding="utf-8")
    assert [p.name for p in plots.write_plots(results, tmp_path)] == [plots.QUALITY_SPEED]
