"""``harness bench reports``: the reports of a 10,000-result run render in seconds.

Synthetic results (varied verdicts, features, targets) go into a throw-away SQLite store;
then the matrix, its JSON, HTML and Markdown pages and the terminal summary are timed.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from harness.bench.common import Goal
from harness.features import load_features
from harness.records import VERDICT_ORDER, Outcome, Result, RunRecord
from harness.report.matrix import build_matrix, write_matrix
from harness.report.matrix_page import write_pages
from harness.report.terminal import problem_rows, render_summary
from harness.store import Store, new_run_id

BUDGET_S = 5.0  # "in seconds": the whole set of reports within this


def fill_store(store: Store, results: int, targets: int = 5) -> str:
    run_id = new_run_id()
    names = [f"target{t}" for t in range(targets)]
    store.begin_run(RunRecord(run_id, "bench", "bench", {n: {"kind": "unix"} for n in names},
                              time.time()))
    with store._transaction():  # one transaction: filling is not what is measured
        for index in range(results):
            verdict = VERDICT_ORDER[(index * 7) % len(VERDICT_ORDER)]
            outcome = Outcome(stdout=f"line {index}\n" * 3, duration_s=0.001 * (index % 13))
            store.add_result(Result(
                run_id, f"specs/area{index % 9}/spec{index // targets}.py",
                f"area{index % 9}.feature{index % 97}", names[index % targets], "bytecode",
                verdict, f"reason {index % 31}", outcome, None, None, {}, time.time(), time.time()))
    store.finish_run(run_id)
    return run_id


def bench_reports(root: Path, results: int = 10_000) -> tuple[list[Goal], list[str]]:
    features = load_features(root / "conformance" / "features.yaml")
    with tempfile.TemporaryDirectory(prefix="harness-bench-reports-") as tmp:
        out = Path(tmp)
        store = Store(out / "harness.sqlite")
        try:
            run_id = fill_store(store, results)
            steps: dict[str, float] = {}

            def step(name: str, fn):
                started = time.perf_counter()
                value = fn()
                steps[name] = time.perf_counter() - started
                return value

            matrix = step("build_matrix", lambda: build_matrix(store, run_id, features))
            step("write_matrix", lambda: write_matrix(matrix, out))
            step("matrix pages", lambda: write_pages(store, run_id, matrix, out))
            step("terminal summary", lambda: render_summary(
                matrix, problem_rows(store.results(run_id))))
        finally:
            store.close()
    total = sum(steps.values())
    goal = Goal("reports", f"{results} results rendered", "all reports", "budget",
                total, BUDGET_S, "s", 1.0)
    notes = ["reports: " + ", ".join(f"{k} {v:.2f}s" for k, v in steps.items())]
    return [goal], notes
