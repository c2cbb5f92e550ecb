"""The suite, memory and reports benches run on a tiny size and write their rows."""

from __future__ import annotations

import json
from pathlib import Path

from harness.bench.common import write_bench_json
from harness.bench.memory import bench_memory
from harness.bench.reports import bench_reports
from harness.bench.suite import bench_suite
from harness.spec import discover

ROOT = Path(__file__).resolve().parents[2]


def _written(tmp_path: Path, goals) -> dict:
    path = tmp_path / "bench.json"
    write_bench_json(path, goals)
    return json.loads(path.read_text())["benches"]


def test_suite_bench_times_both_runners(tmp_path: Path) -> None:
    goals, notes = bench_suite(ROOT, limit=4)
    assert [g.name for g in goals] == ["first run (empty reference cache)", "cached reference"]
    assert all(g.subject_value > 0 and g.baseline_value > 0 for g in goals)
    assert "4 tests" in notes[0]
    assert len(_written(tmp_path, goals)["suite"]["goals"]) == 2


def test_memory_bench_reports_rss(tmp_path: Path) -> None:
    specs = discover(ROOT / "specs" / "types")[:3]
    goals, notes = bench_memory(ROOT, specs, items=6, samples=3)
    assert goals[0].subject_value > 0 and goals[0].baseline_value > 0
    assert "start" in notes[0] and "peak" in notes[0] and "end" in notes[0]
    assert _written(tmp_path, goals)["memory"]["goals"][0]["status"] in ("PASS", "FALL-SHORT")


def test_reports_bench_renders_every_step(tmp_path: Path) -> None:
    goals, notes = bench_reports(ROOT, results=40)
    for step in ("build_matrix", "write_matrix", "matrix pages", "terminal summary"):
        assert step in notes[0]
    assert _written(tmp_path, goals)["reports"]["goals"][0]["subject_value"] > 0
