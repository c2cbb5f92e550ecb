"""``harness bench parallel``: a rig's run with its targets spread over pytest-xdist workers
against the same run with one worker.

Both are whole ``harness run`` commands over the same specs (an even sample of the suite,
every area), timed wall clock from start to reports, interleaved serial-parallel then
parallel-serial so that drift in the machine's load hits both alike. All runs share one
results folder: the parallel runs plan their work from the earlier runs' item times, as a
lab's runs do from last night's. The verdicts of both must agree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from harness.bench.common import Goal, median
from harness.errors import HarnessError
from harness.records import Spec
from harness.store import Store

GOAL = 1.7
DEFAULT_SPECS = 60
RUN_TIMEOUT_S = 1800


def pick_specs(specs: list[Spec], count: int) -> list[Spec]:
    """``count`` specs evenly spaced over the suite (sorted by id), so every area is in."""
    ordered = sorted(specs, key=lambda s: s.id)
    if count >= len(ordered):
        return ordered
    step = len(ordered) / count
    return [ordered[int(i * step)] for i in range(count)]


def _run(root: Path, rig: str, paths: list[str], workers: int, out: Path) -> tuple[float, str]:
    """One ``harness run``; its wall time and run id."""
    run_id = f"bench-parallel-{workers}-{time.time_ns()}"
    argv = [sys.executable, "-m", "harness.cli", "run", "--rig", rig, "--out", str(out),
            "--parallel", str(workers), "--run-id", run_id, *paths]
    env = {k: v for k, v in os.environ.items() if k != "HARNESS_RUN_ID"}
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some verdicts fail, which is the suite's business
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["no output"]
        raise HarnessError(f"bench parallel: `harness run --parallel {workers}` ended with status "
                           f"{done.returncode}: {tail[0]}")
    return elapsed, run_id


def bench_parallel(root: Path, specs: list[Spec], rig: str = "rigs/local.yaml", rounds: int = 2,
                   workers: int = 0) -> tuple[list[Goal], list[str]]:
    """Median wall time of ``rounds`` serial and ``rounds`` parallel runs, interleaved.
    ``workers`` 0: automatic (harness.parallel.workers_for)."""
    from harness.parallel import workers_for
    from harness.rig import load_rig

    loaded = load_rig(rig, root)
    parallel = workers_for(workers, loaded)
    paths = [str(spec.path) for spec in specs]
    out = Path(tempfile.mkdtemp(prefix="harness-bench-parallel-"))
    times: dict[int, list[float]] = {1: [], parallel: []}
    runs: list[tuple[str, str]] = []  # (label, run id)
    load_before = os.getloadavg()[0]
    try:
        with Console(stderr=True).status("bench parallel") as status:
            for index in range(rounds):
                order = (1, parallel) if index % 2 == 0 else (parallel, 1)
                for count in order:
                    status.update(f"bench parallel: round {index + 1} of {rounds}, "
                                  f"{'serial run' if count == 1 else f'{count} workers'} "
                                  f"({len(specs)} specs x {len(loaded.targets)} targets)")
                    elapsed, run_id = _run(root, rig, paths, count, out)
                    times[count].append(elapsed)
                    label = f"{'serial' if count == 1 else 'parallel'} run {len(times[count])}"
                    runs.append((label, run_id))
        agree = _verdicts_agree(out / "harness.sqlite", runs)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    items = len(specs) * sum(len(t.modes) for t in loaded.targets.values())
    goal = Goal(bench="parallel", name=f"{loaded.name} rig, {parallel} workers vs 1 ({items} items)",
                subject=f"{parallel} workers", baseline="1 worker", subject_value=median(times[parallel]),
                baseline_value=median(times[1]), unit="s", minimum=GOAL)
    notes = [f"parallel: {len(specs)} specs x {len(loaded.targets)} targets, {rounds} runs each way on "
             f"{os.cpu_count()} cores; serial runs {', '.join(f'{t:.1f}' for t in times[1])} s, parallel "
             f"runs {', '.join(f'{t:.1f}' for t in times[parallel])} s; load average "
             f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"]
    notes.append("parallel: every run gave the same verdicts" if agree is None
                 else f"parallel: verdicts differ between runs: {agree}")
    return [goal], notes


def _verdicts_agree(database: Path, runs: list[tuple[str, str]]) -> str | None:
    """None when every run has the same verdict per item; else the first difference."""
    store = Store(database)
    try:
        seen: dict[tuple[str, str, str], tuple[str, str]] = {}
        for label, run_id in runs:
            for row in store.iter_results(run_id):
                key = (row["spec_id"], row["target"], row["mode"])
                verdict = row["verdict"]
                first = seen.setdefault(key, (verdict, label))
                if first[0] != verdict:
                    return f"{key[0]} on {key[1]}: {first[0]} in the {first[1]}, {verdict} in the {label}"
        return None
    finally:
        store.close()
