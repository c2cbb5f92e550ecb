"""specs/hardware/microbit-1.29 on the real chain: MicroPython 1.29 (built from source) on QEMU's
micro:bit drives pin0 and pin1 through ``machine.mem32``, the GPIO plugin stamps every edge in
``-icount`` time, a virtual scope serves it over TCP, the Rigol driver reads it through pyvisa-py,
and the verdict judges the specs' own sidecars. The same rig carries the 1.9.2 image on its own
scope, so each scope reads only its own emulator and each image skips the other's specs.

Skipped when the 1.29 micro:bit image is not built (``make firmware``)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from harness.records import Result, Verdict
from harness.rig import load_rig
from harness.session import Session
from harness.spec import load_spec
from harness.targets.qemu import DEBIAN_MICROBIT_HEX

REPO = Path(__file__).resolve().parents[2]
SPECS = ("toggle_registers", "pin_to_pin_registers")
INSTRUCTION_S = 64e-9  # -icount shift=6


def _image() -> Path | None:
    """The 1.29 micro:bit image `make firmware` built, if any."""
    from harness.firmware.manifest import load_manifest

    try:
        path = load_manifest(REPO).get("micropython-1.29-microbit").path
    except Exception:  # no manifest entry or no build: the tests skip
        return None
    return path if path and path.is_file() else None


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("qemu-system-arm") is None or shutil.which("gcc") is None
                       or not DEBIAN_MICROBIT_HEX.exists(),
                       reason="needs QEMU, the micro:bit firmware and gcc"),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[tuple[str, str], Result]:
    image = _image()
    if image is None:
        pytest.skip("no 1.29 micro:bit image: run `make firmware`")
    root = tmp_path_factory.mktemp("proj")
    specs = root / "specs"
    shutil.copytree(REPO / "specs" / "hardware" / "microbit-1.29", specs / "reg")
    shutil.copytree(REPO / "specs" / "hardware" / "microbit", specs / "old")
    (root / "conformance" / "baselines").mkdir(parents=True)
    shutil.copy(REPO / "conformance" / "features.yaml", root / "conformance" / "features.yaml")
    # Wrong expectations on the same program: the checks must be able to fail.
    toggle = (specs / "reg" / "toggle_registers.yaml").read_text()
    for name, sidecar in {
        "wrong_count": toggle.replace("count, min: 100, max: 100", "count, min: 101, max: 101"),
        "wrong_period": toggle.replace("min: 53.7e-6, max: 65.7e-6", "min: 40.0e-6, max: 50.0e-6"),
    }.items():
        assert sidecar != toggle
        shutil.copy(specs / "reg" / "toggle_registers.py", specs / "reg" / f"{name}.py")
        shutil.copy(specs / "reg" / "toggle_registers.exp", specs / "reg" / f"{name}.exp")
        (specs / "reg" / f"{name}.yaml").write_text(sidecar)
    rig = root / "rig.yaml"
    rig.write_text(textwrap.dedent(f"""\
        name: microbit-scopes
        results: results
        targets:
          - {{name: qemu-microbit, kind: qemu-microbit, icount: 6, gpio_trace: true}}
          - {{name: qemu-microbit-1.29, kind: qemu-microbit, firmware: "{image}",
              icount: 6, gpio_trace: true}}
        instruments:
          - {{name: vscope, virtual: true, dialect: rigol-ds1000z, target: qemu-microbit,
              wiring: {{pin0: 1, pin1: 2}}}}
          - {{name: vscope-1.29, virtual: true, dialect: rigol-ds1000z, target: qemu-microbit-1.29,
              wiring: {{pin0: 1, pin1: 2}}}}
        """))
    session = Session(root, load_rig(rig, root))
    items = [(f"reg/{name}", "qemu-microbit-1.29") for name in (*SPECS, "wrong_count", "wrong_period")]
    items += [("reg/toggle_registers", "qemu-microbit"), ("old/toggle_plain", "qemu-microbit-1.29"),
              ("old/toggle_plain", "qemu-microbit")]
    try:
        return {(spec, target): session.run_item(load_spec(specs / f"{spec}.py", specs), target)
                for spec, target in items}
    finally:
        session.close()


def checks(result: Result) -> dict[str, dict]:
    return {c["name"]: c for c in result.outcome.measurements["checks"]}


def test_toggle_through_registers_is_counted_and_timed_in_board_time(results):
    result = results[("reg/toggle_registers", "qemu-microbit-1.29")]
    assert result.verdict is Verdict.PASS, result.reason
    m = result.outcome.measurements
    assert m["scope"] == "vscope-1.29" and m["virtual"] is True and "icount shift=6" in m["time_base"]
    assert m["time_resolution_s"] == pytest.approx(INSTRUCTION_S)
    got = checks(result)
    pulses = got["pulses-pin0"]
    assert pulses["value"] == 100 and pulses["unit"] == ""  # every OUTSET/OUTCLR pair, none lost
    assert got["pulses-pin0"]["stats"]["count"] == 100
    period = got["period-pin0-host-median"]["value"]
    width = got["pulse_width_pos-pin0-host-median"]["value"]
    # Emulated time is a whole number of instructions; the high part is one statement of the loop.
    assert period / INSTRUCTION_S == pytest.approx(round(period / INSTRUCTION_S), abs=0.01)
    assert 0 < width < period
    assert got["frequency-pin0-scope"]["value"] == pytest.approx(1 / period, rel=0.01)


def test_pin_to_pin_through_registers(results):
    result = results[("reg/pin_to_pin_registers", "qemu-microbit-1.29")]
    assert result.verdict is Verdict.PASS, result.reason
    got = checks(result)
    assert got["pulses-pin1"]["value"] == 20
    assert got["fall_delay-pin0-pin1-host-max"]["value"] == 0.0  # one OUTCLR store clears both lines
    # pin1 rises one `mem[...] = ...` statement after pin0: as long as pin0's pulse in the toggle loop.
    toggle = checks(results[("reg/toggle_registers", "qemu-microbit-1.29")])
    assert got["rise_delay-pin0-pin1-host-median"]["value"] == pytest.approx(
        toggle["pulse_width_pos-pin0-host-median"]["value"], abs=2 * INSTRUCTION_S)


@pytest.mark.parametrize("spec, reason", [
    ("reg/wrong_count", "pulses-pin0 = 100, outside its limits [101, 101]"),
    ("reg/wrong_period", "period-pin0-host-median = "),
])
def test_a_wrong_expectation_fails(results, spec, reason):
    result = results[(spec, "qemu-microbit-1.29")]
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(reason)
    assert result.outcome.stdout == "toggled 100 times\n"  # the program ran fine: only the scope disagrees


def test_each_image_skips_the_others_specs(results):
    register_on_old = results[("reg/toggle_registers", "qemu-microbit")]
    assert register_on_old.verdict is Verdict.UNSUPPORTED
    assert register_on_old.reason == "spec runs only on qemu-microbit-1.29"
    pin_on_new = results[("old/toggle_plain", "qemu-microbit-1.29")]
    assert pin_on_new.verdict is Verdict.UNSUPPORTED
    assert pin_on_new.reason == "target lacks module 'microbit' (probed)"
    old = results[("old/toggle_plain", "qemu-microbit")]
    assert old.verdict is Verdict.PASS, old.reason  # the 1.9.2 scope checks still work beside the new scope
    assert old.outcome.measurements["scope"] == "vscope"
