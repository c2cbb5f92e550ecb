"""``harness bench parallel``: a rig's run with all its targets at once against the same run
one target after another.

All are whole ``harness run`` commands over the same specs (an even sample of the suite,
every area), timed wall clock from start to reports, interleaved (serial, at once, workers;
then the other way round) so that drift in the machine's load hits each alike. "At once" is
``--concurrent`` (every target on a thread of one process: the goal's subject); the same run
over pytest-xdist workers (``--parallel N``) is timed beside it for the record. All runs
share one results folder: a run plans its work from the earlier runs' item times, as a lab's
runs do from last night's. The verdicts of all must agree.
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
# 0: the whole suite, the default rig's real run. A sample measures another mix: in a third
# of the suite the fixed part of a run (start, collection, reports: about 2 s either way)
# weighs three times as much, and the micro:bit 1.9.2's two documented hangs (24 s of its
# 41 s) are missing.
DEFAULT_SPECS = 0
RUN_TIMEOUT_S = 1800


def pick_specs(specs: list[Spec], count: int) -> list[Spec]:
    """``count`` specs evenly spaced over the suite (sorted by id), so every area is in;
    0: all of them."""
    ordered = sorted(specs, key=lambda s: s.id)
    if count <= 0 or count >= len(ordered):
        return ordered
    step = len(ordered) / count
    return [ordered[int(i * step)] for i in range(count)]


SERIAL, CONCURRENT = "serial", "at once"


def _run(root: Path, rig: str, paths: list[str], how: str, workers: int, out: Path) -> tuple[float, str]:
    """One ``harness run`` (``how``: SERIAL, CONCURRENT or workers); its wall time and run id."""
    run_id = f"bench-parallel-{how.replace(' ', '-')}-{time.time_ns()}"
    mode = ["--concurrent"] if how == CONCURRENT else ["--parallel", str(workers if how != SERIAL else 1)]
    argv = [sys.executable, "-m", "harness.cli", "run", "--rig", rig, "--out", str(out),
            *mode, "--run-id", run_id, *paths]
    env = {k: v for k, v in os.environ.items() if k != "HARNESS_RUN_ID"}
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some verdicts fail, which is the suite's business
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["no output"]
        raise HarnessError(f"bench parallel: `harness run {' '.join(mode)}` ended with status "
                           f"{done.returncode}: {tail[0]}")
    return elapsed, run_id


def bench_parallel(root: Path, specs: list[Spec], rig: str = "rigs/local.yaml", rounds: int = 2,
                   workers: int = 0) -> tuple[list[Goal], list[str]]:
    """Median wall time of ``rounds`` serial and concurrent runs, interleaved, and of one run
    over xdist workers in the first round. ``workers`` 0: automatic (harness.parallel.workers_for)."""
    from harness.parallel import workers_for
    from harness.rig import load_rig

    loaded = load_rig(rig, root)
    parallel = workers_for(workers, loaded)
    hows = [SERIAL, CONCURRENT, f"{parallel} workers"]
    paths = [str(spec.path) for spec in specs]
    out = Path(tempfile.mkdtemp(prefix="harness-bench-parallel-"))
    times: dict[str, list[float]] = {how: [] for how in hows}
    runs: list[tuple[str, str]] = []  # (label, run id)
    load_before = os.getloadavg()[0]
    try:
        with Console(stderr=True).status("bench parallel") as status:
            for index in range(rounds):
                for how in _round(hows, index):
                    status.update(f"bench parallel: round {index + 1} of {rounds}, {how} "
                                  f"({len(specs)} specs x {len(loaded.targets)} targets)")
                    elapsed, run_id = _run(root, rig, paths, how, parallel, out)
                    times[how].append(elapsed)
                    runs.append((f"{how} run {len(times[how])}", run_id))
        agree = _verdicts_agree(out / "harness.sqlite", runs)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    items = len(specs) * sum(len(t.modes) for t in loaded.targets.values())
    serial = median(times[SERIAL])
    goal = Goal(bench="parallel", name=f"{loaded.name} rig, all targets at once vs one after another "
                                       f"({items} items)",
                subject="at once", baseline="serial", subject_value=median(times[CONCURRENT]),
                baseline_value=serial, unit="s", minimum=GOAL)
    workers_s = median(times[hows[2]])
    each_way = f"{rounds} run{'s' if rounds != 1 else ''} each way"
    notes = [f"parallel: {len(specs)} specs x {len(loaded.targets)} targets, {each_way} "
             f"(workers: one) on "
             f"{os.cpu_count()} cores; " + "; ".join(
                 f"{how} {', '.join(f'{t:.1f}' for t in times[how])} s" for how in hows)
             + f"; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after",
             f"parallel: over {parallel} pytest-xdist workers (--parallel {parallel}) the run took "
             f"{workers_s:.2f} s, {serial / workers_s:.2f}x the serial run's speed"]
    notes.append("parallel: every run gave the same verdicts" if agree is None
                 else f"parallel: verdicts differ between runs: {agree}")
    return [goal], notes


def _round(hows: list[str], index: int) -> list[str]:
    """The runs of round ``index``: every way in the first (the workers' only run), then serial
    and at once, in turn first."""
    if index == 0:
        return hows
    return hows[:2] if index % 2 == 0 else hows[1::-1]


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
