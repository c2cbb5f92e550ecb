"""A small project for audit tests: determinism features, specs written for audits, a profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

FEATURES = """\
  - {id: determinism.heap.lock, title: heap lock, area: determinism, cpython_doc: library/gc.html}
  - {id: determinism.timing.workload, title: workload, area: determinism, cpython_doc: library/time.html}
"""

LOCK_OK = """\
# feature: determinism.heap.lock
# requires: micropython
import micropython
import time
buf = bytearray(8)
s = i = 0  # globals created now: a new global under the lock would allocate
t0 = time.ticks_us()
micropython.heap_lock()
for i in range(200):
    buf[i & 7] = i & 255
    s += buf[i & 7]
micropython.heap_unlock()
print('@measure loop_us', time.ticks_diff(time.ticks_us(), t0), 'us')
print('sum', s)
"""

# Builds a list with the heap locked: MemoryError, and the heap stays locked.
LOCK_ALLOC = """\
# feature: determinism.heap.lock
# requires: micropython
import micropython
micropython.heap_lock()
x = [1, 2, 3]
micropython.heap_unlock()
print('done')
"""

# The amount of work depends on the clock, so output and timing differ run to run.
VARIABLE = """\
# feature: determinism.timing.workload
# requires: micropython
import time
n = 40 + time.ticks_us() % 997
s = 0
t0 = time.ticks_us()
for i in range(n):
    s += i
print('@measure work_us', time.ticks_diff(time.ticks_us(), t0), 'us')
print('iterations', n)
"""


class AuditProject:
    """A throwaway project (features, a rig with the PC port, results) to run `harness audit` in.
    (Module-scoped fixtures cannot use the function-scoped ``project`` fixture.)"""

    RIG = "name: mini\nresults: results\ntargets:\n  - {name: unix, kind: unix, heapsize: 256k}\n"

    def __init__(self, root: Path):
        self.root = root
        for folder in ("conformance/baselines", "rigs", "specs"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        (root / "conformance" / "features.yaml").write_text("version: 1\nfeatures:\n")
        (root / "rigs" / "local.yaml").write_text(self.RIG)

    def harness(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "HARNESS_RUN_ID"}
        env["COLUMNS"] = "200"
        return subprocess.run([sys.executable, "-m", "harness.cli", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=timeout, env=env)


def add_audit_files(root: Path, profile: str, specs: dict[str, tuple[str, str]]) -> Path:
    """Features, ``specs/determinism/<name>.py`` with ``.exp``, and a profile; returns the profile."""
    with open(root / "conformance" / "features.yaml", "a") as handle:
        handle.write(FEATURES)
    folder = root / "specs" / "determinism"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (body, exp) in specs.items():
        (folder / f"{name}.py").write_text(body)
        (folder / f"{name}.exp").write_text(exp)
    path = root / "conformance" / "profiles" / "t.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(profile))
    return path


def load_report(root: Path, name: str = "t") -> dict:
    return json.loads((root / "results" / "audit" / f"{name}.json").read_text())


def spec_entry(document: dict, spec: str, target: str) -> dict:
    return next(s for s in document["specs"] if s["spec_id"] == spec and s["target"] == target)
