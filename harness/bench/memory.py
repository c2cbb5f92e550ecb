"""``harness bench memory``: resident memory while a Session runs many specs on ``unix``.

The specs are the repository's own (cycled to reach ``items``), run in-process through the
same Session the pytest plugin uses, in a throw-away project (own store and reference cache)
that shares only the features and baselines.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from harness.bench.common import Goal
from harness.bench.suite import make_project
from harness.records import Spec
from harness.rig import load_rig
from harness.session import Session

GOAL = 1.5  # peak RSS at most 1.5x the RSS once the target has started


def rss_mb(pid: int | str = "self") -> float:
    """VmRSS of a process in MB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bench_memory(root: Path, specs: list[Spec], items: int = 10_000,
                 samples: int = 50) -> tuple[list[Goal], list[str]]:
    specs = [s for s in specs if not s.targets or "unix" in s.targets]
    with tempfile.TemporaryDirectory(prefix="harness-bench-memory-") as tmp:
        project = Path(tmp)
        rig_path = make_project(root, project)
        session = Session(project, load_rig(rig_path, project), ["unix"])
        try:
            session.ensure_started("unix")
            start = rss_mb()
            peak, every = start, max(1, items // samples)
            worker_peak = 0.0
            for index in range(items):
                session.run_item(specs[index % len(specs)], "unix")
                if index % every == 0:
                    peak = max(peak, rss_mb())
                    instance = session.targets["unix"].instance
                    worker = getattr(getattr(instance, "_worker", None), "proc", None)
                    if worker is not None:
                        worker_peak = max(worker_peak, rss_mb(worker.pid))
            end = rss_mb()
            peak = max(peak, end)
        finally:
            session.close()
            session.store.close()
    goal = Goal("memory", f"peak RSS over {items} specs", "peak RSS", f"{GOAL:g} x start RSS",
                peak, start * GOAL, "MB", 1.0)
    notes = [f"memory: harness RSS start {start:.1f} MB, peak {peak:.1f} MB, end {end:.1f} MB"
             f" (growth {end - start:+.1f} MB over {items} items, {len(specs)} distinct specs);"
             f" unix worker peak {worker_peak:.1f} MB"]
    return [goal], notes
