"""End to end with no hardware: a spec toggles pin0 of MicroPython on the emulated micro:bit,
the QEMU plugin logs each edge in emulated time, the virtual scope serves it over TCP, the
Rigol driver reads it through pyvisa-py, and the verdict judges the numbers."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from harness.records import Verdict
from harness.rig import load_rig
from harness.session import Session
from harness.spec import load_spec
from harness.targets.qemu import DEBIAN_MICROBIT_HEX

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("qemu-system-arm") is None or not DEBIAN_MICROBIT_HEX.exists()
                       or shutil.which("gcc") is None, reason="needs QEMU, the micro:bit firmware and gcc"),
]

TOGGLE = """\
from microbit import pin0
for i in range(300):
    pin0.write_digital(1)
    pin0.write_digital(0)
print('toggled')
"""
LIMITS = """\
window_s: 0.01
trigger: {pin: pin0}
checks:
  - {pin: pin0, measure: frequency, min: 2000, max: 40000}
  - {pin: pin0, measure: frequency, source: host, statistic: median, samples: 20, min: 2000, max: 40000}
  - {name: jitter, pin: pin0, measure: period, source: host, statistic: std, samples: 20, max: 1.0e-4}
"""


def test_qemu_gpio_to_virtual_scope_to_pyvisa_to_verdict(project):
    specs = project.root / "specs" / "hw"
    project.spec("hw/toggle.py", TOGGLE, header="# targets: qemu-microbit\n")
    (specs / "toggle.exp").write_text("toggled\n")
    (specs / "toggle.yaml").write_text(LIMITS)
    project.spec("hw/too_slow.py", TOGGLE, header="# targets: qemu-microbit\n")
    (specs / "too_slow.exp").write_text("toggled\n")
    (specs / "too_slow.yaml").write_text(LIMITS.replace("min: 2000, max: 40000}\n  - {pin: pin0, measure: "
                                                        "frequency, source: host",
                                                        "min: 1000000}\n  - {pin: pin0, measure: "
                                                        "frequency, source: host"))
    project.spec("hw/native.py", "import micropython\n@micropython.native\ndef f():\n    pass\n"
                 + TOGGLE, header="# targets: qemu-microbit\n")
    (specs / "native.exp").write_text("toggled\n")
    (specs / "native.yaml").write_text("emitter: native\n" + LIMITS)
    rig_path = project.root / "rigs" / "local.yaml"
    rig_path.write_text(textwrap.dedent("""\
        name: mini
        results: results
        targets:
          - {name: qemu-microbit, kind: qemu-microbit, icount: 6, gpio_trace: true}
        instruments:
          - {name: vscope, virtual: true, dialect: rigol-ds1000z, target: qemu-microbit, wiring: {pin0: 1}}
        """))
    session = Session(project.root, load_rig(rig_path, project.root), ["qemu-microbit"])
    try:
        results = {name: session.run_item(load_spec(specs / f"{name}.py", project.root / "specs"),
                                          "qemu-microbit")
                   for name in ("toggle", "too_slow", "native")}
    finally:
        session.close()

    passed = results["toggle"]
    assert passed.verdict is Verdict.PASS, passed.reason
    m = passed.outcome.measurements
    assert m["scope"] == "vscope" and m["virtual"] is True and m["resource"].endswith("::SOCKET")
    assert m["time_resolution_s"] == pytest.approx(64e-9)  # -icount shift=6: 64 ns per instruction
    assert "icount shift=6" in m["time_base"]
    frequency = {c["name"]: c["value"] for c in m["checks"]}
    # the seed's ~100 kHz on a 168 MHz Pyboard scales to ~9 kHz on the 16 MHz nRF51
    assert 4000 < frequency["frequency-pin0-scope"] < 15000
    scope_value = frequency["frequency-pin0-scope"]
    assert frequency["frequency-pin0-host-median"] == pytest.approx(scope_value, rel=0.1)
    plot = project.root / "results" / m["plot"]
    assert plot.read_bytes()[:4] == b"\x89PNG"

    failed = results["too_slow"]
    assert failed.verdict is Verdict.FAIL
    assert failed.reason.startswith("frequency-pin0-scope = ")
    assert failed.reason.endswith("Hz, outside its limits [1e+06, inf] Hz")

    native = results["native"]
    assert native.verdict is Verdict.UNSUPPORTED
    assert native.reason == ("the firmware rejects @micropython.native "
                             "(SyntaxError: invalid micropython decorator)")
