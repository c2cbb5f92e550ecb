"""Audits on real QEMU: the emulated micro:bit in deterministic mode (and MicroPython 1.29 on
mps2-an385 where it is built)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from audit_support import LOCK_ALLOC, add_audit_files, load_report, spec_entry

from harness.targets.qemu import DEBIAN_MICROBIT_HEX

REPO = Path(__file__).resolve().parents[2]
MPS2 = REPO / ".harness-cache" / "firmware" / "images" / "MPS2_AN385" / "firmware.elf"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("qemu-system-arm") is None or not DEBIAN_MICROBIT_HEX.exists(),
                       reason="qemu-system-arm or the Debian micro:bit firmware is not installed"),
]

# Work that depends on a counter kept in the micro:bit's flash file system, which a soft
# reset keeps and a cold boot (the firmware image loaded again) starts afresh.
COUNTER = """\
# feature: determinism.timing.workload
# requires: micropython
try:
    with open('count') as f:
        c = int(f.read())
except (OSError, ValueError):
    c = 0
with open('count', 'w') as f:
    f.write(str(c + 1))
s = 0
for i in range(300 * (1 + c % 3)):
    s += i & 7
print('done')
"""


def test_cdr_emulator_repeats_instruction_for_instruction(tmp_path):
    """The shipped CDR profile on the default rig's micro:bit: 20 cold boots per spec under
    -icount shift=6 -seed 1 give the same output and the same instruction count every time."""
    out = tmp_path / "results"
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "audit", "--profile",
                           "conformance/profiles/cdr-emulator.yaml", "--targets", "qemu-microbit", "--no-pdf",
                           "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    document = json.loads((out / "audit" / "cdr-emulator.json").read_text())
    assert document["audit"]["runs_completed"] == 20 and document["result"]["partial"]
    target = next(t for t in document["configuration"]["targets"] if t["name"] == "qemu-microbit")
    assert target["emulator"]["icount_shift"] == 6 and target["emulator"]["seed"] == 1
    assert target["restart"] == "boot" and target["firmware"]["sha256"]
    counted = 0
    for spec in document["specs"]:
        runs = spec["runs"]
        assert len(runs) == 20 and len({r["output_sha256"] for r in runs}) == 1, spec["spec_id"]
        counts = [r.get("instructions") for r in runs]
        if spec["verdicts"].get("PASS") == 20:
            assert len(set(counts)) == 1 and counts[0] > 0, (spec["spec_id"], counts)
            assert spec["reproducibility"]["status"] == "deterministic"
            counted += 1
    assert counted >= 5
    workload = spec_entry(document, "determinism/fixed_workload", "qemu-microbit")["metrics"]
    workload = workload["spec.workload_us"]
    assert workload["stats"]["distinct"] == 1 and workload["stats"]["n"] == 20
    statuses = {r["id"]: r["status"] for r in document["requirements"]}
    assert statuses["CDR-REP-01"] == "met" and statuses["CDR-NOHEAP-01"] == "met"
    assert statuses["CDR-PROM-01"] == "deviation" and statuses["CDR-REP-02"] == "left out"


PROFILE = """\
profile: t
phase: cdr
runs: 3
targets:
  - target: qemu-microbit
    as: boot
    restart: boot
    icount: 6
    seed: 1
  - target: qemu-microbit
    as: repl
    icount: 6
    seed: 1
    jitter_tolerance: 0.15
specs: [determinism]
requirements:
  - {id: NOHEAP, check: no-heap-alloc}
  - {id: SAME, check: reproducible, metrics: [emu.instructions]}
"""
RIG = "name: qemu\nresults: results\ntargets:\n  - {name: qemu-microbit, kind: qemu-microbit, icount: 6}\n"


def test_variable_workload_and_allocation_under_heap_lock_on_the_emulator(project):
    (project.root / "rigs" / "local.yaml").write_text(RIG)
    add_audit_files(project.root, PROFILE, {"counter": (COUNTER, "done\n"),
                                            "lock_alloc": (LOCK_ALLOC, "done\n")})
    proc = project.harness("audit", "--profile", "t", "--no-pdf", timeout=240)
    assert proc.returncode == 1, proc.stderr[-3000:]
    document = load_report(project.root)
    varied = spec_entry(document, "determinism/counter", "repl")["reproducibility"]
    assert varied["status"] == "non-deterministic" and varied["outputs_identical"]
    assert varied["instructions"]["relative_spread"] > 0.2  # 300, 600 or 900 iterations
    assert "instruction counts" in varied["explanation"]
    # A cold boot starts the file system afresh: the same run every time.
    assert spec_entry(document, "determinism/counter", "boot")["reproducibility"]["status"] == "deterministic"
    for target in ("repl", "boot"):
        lock = spec_entry(document, "determinism/lock_alloc", target)["memory"]["heap_lock"]
        assert lock["finding"].startswith("allocates under heap lock"), (target, lock)
        assert len(lock["allocated_under_lock_results"]) == 3
    shortfalls = " ".join(document["result"]["shortfalls"])
    assert "SAME on repl: not met: determinism/counter" in shortfalls
    assert "NOHEAP on boot: not met: determinism/lock_alloc: allocates under heap lock" in shortfalls


@pytest.mark.skipif(not MPS2.exists(),
                    reason="MicroPython 1.29 for mps2-an385 is not built (harness firmware build)")
def test_micropython_129_on_mps2_repeats_through_its_repl(project):
    """ports/qemu's only periodic interrupt is a 5-instruction tick: through the raw REPL, with
    soft resets between runs, instruction counts repeat to within a tick or two (after the
    first run following the emulator's start)."""
    rig = (f"name: qemu\nresults: results\ntargets:\n"
           f"  - {{name: mps2, kind: qemu-mps2, firmware: {MPS2}, icount: 6}}\n")
    (project.root / "rigs" / "local.yaml").write_text(rig)
    profile = ("profile: t\nphase: cdr\nruns: 5\ntargets:\n"
               "  - {target: mps2, icount: 6, seed: 1, jitter_tolerance: 0.0001}\n"
               "specs: [determinism]\nrequirements:\n"
               "  - {id: SAME, check: reproducible, metrics: [emu.instructions]}\n")
    workload = (REPO / "specs" / "determinism" / "fixed_workload.py").read_text()
    add_audit_files(project.root, profile, {"workload": (workload, "result 7014\n")})
    proc = project.harness("audit", "--profile", "t", "--no-pdf", timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    spec = spec_entry(load_report(project.root), "determinism/workload", "mps2")
    counts = spec["reproducibility"]["instructions"]
    assert counts["measured_runs"] == 5 and counts["warm_runs"] == 4
    assert counts["spread"] <= 10 and counts["warm_min"] > 1_000_000


def test_scope_checked_spec_through_the_virtual_scope(tmp_path):
    """A hardware spec in an audit on the default rig: the virtual scope's numbers (and its
    jitter statistics) become figures of the report, its identity is on the first page."""
    profile = tmp_path / "scope.yaml"
    profile.write_text("profile: scope\nphase: cdr\nruns: 3\n"
                       "targets: [{target: qemu-microbit, as: mb, icount: 6, seed: 1}]\n"
                       "specs: [hardware/microbit/toggle_plain]\n")
    out = tmp_path / "results"
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "audit", "--profile", str(profile),
                           "--no-pdf", "--out", str(out)], cwd=REPO, capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    document = json.loads((out / "audit" / "scope.json").read_text())
    spec = spec_entry(document, "hardware/microbit/toggle_plain", "mb")
    scoped = {name: m for name, m in spec["metrics"].items() if name.startswith("scope.")}
    assert scoped and all(m["stats"]["n"] == 3 for m in scoped.values())
    assert any(m["unit"] == "Hz" for m in scoped.values())
    assert spec["reproducibility"]["instructions"]["measured_runs"] == 3  # the audit's evidence kept too
    instrument = document["configuration"]["instruments"][0]
    assert instrument["target"] == "mb" and instrument["identity"]["serial"] == "HARNESS-VIRTUAL"
    html = (out / "audit" / "scope.html").read_text()
    section = html[html.index('id="s-scope"'):html.index('id="s-conc"')]
    assert "scope.frequency" in section and "data:image/png;base64," in section
