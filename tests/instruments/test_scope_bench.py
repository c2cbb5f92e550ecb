"""Scope checks inside a run (harness.hardware.Bench): arm, run, measure, plot, judge.

The board is scripted (its "program" plays edges into the source of a virtual scope that the
bench reaches as a plain LAN scope through pyvisa-py); the bad instruments are real TCP
servers answering garbage, a wrong identity or nothing. The last test runs the whole
Session on the real MicroPython unix port with a bad scope wired to it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from visa_fakes import BadInstrument

from harness.errors import HarnessError
from harness.hardware import Bench
from harness.instruments.virtual import ScriptedSource, VirtualScope
from harness.records import Expected, Outcome, Verdict
from harness.rig import load_rig
from harness.spec import load_spec
from harness.verdict import judge


class ScriptedBoard:
    """A target whose program is a list of edges: running a spec plays them."""

    def __init__(self, source: ScriptedSource, stdout: str = "done\n", **outcome):
        self.source = source
        self.stdout = stdout
        self.outcome = outcome
        self.runs = 0

    def run(self, spec, mode="bytecode") -> Outcome:
        self.runs += 1
        self.source.square(line=3, start_ns=1_000_000, period_ns=100_000, high_ns=40_000, cycles=60)
        return Outcome(stdout=self.stdout, **self.outcome)


SIDECAR = """\
window_s: 0.002
trigger: {pin: pin0}
checks:
  - {pin: pin0, measure: frequency, min: 9000, max: 11000}
  - {name: jitter, pin: pin0, measure: period, source: host, statistic: std, samples: 10, max: 1.0e-6}
"""


def make_spec(tmp_path: Path, sidecar: str = SIDECAR):
    root = tmp_path / "specs"
    root.mkdir(exist_ok=True)
    (root / "blink.py").write_text("# feature: hardware.gpio.toggle\nprint('done')\n")
    (root / "blink.exp").write_text("done\n")
    (root / "blink.yaml").write_text(sidecar)
    return load_spec(root / "blink.py", root)


def make_bench(tmp_path: Path, resource: str, dialect: str = "rigol-ds1000z", target: str = "board",
               wiring: str = "{pin0: 1}") -> Bench:
    rig = tmp_path / "rig.yaml"
    rig.write_text(textwrap.dedent(f"""\
        name: bench
        targets:
          - {{name: board, kind: board, port: /dev/null}}
        instruments:
          - name: labscope
            resource: "{resource}"
            dialect: {dialect}
            target: {target}
            timeout_s: 0.5
            wiring: {wiring}
        """))
    loaded = load_rig(rig, tmp_path)
    return Bench(loaded.raw, loaded.path, loaded.targets, tmp_path / "results", "run1")


@pytest.fixture
def scope_server():
    source = ScriptedSource(time_resolution_s=64e-9)
    with VirtualScope(source, {1: 3}, settle_s=0.02) as server:
        yield source, server


def test_a_check_measures_plots_and_passes(tmp_path, scope_server):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    spec = make_spec(tmp_path)
    try:
        outcome = bench.run(spec, ScriptedBoard(source), "board")
    finally:
        bench.close()
    m = outcome.measurements
    assert m["acquired"] is True and m["scope"] == "labscope" and m["identity"]["serial"] == "HARNESS-VIRTUAL"
    checks = {c["name"]: c for c in m["checks"]}
    assert checks["frequency-pin0-scope"]["value"] == pytest.approx(10_000)
    assert checks["jitter"]["stats"]["count"] >= 10 and checks["jitter"]["value"] < 1e-6
    assert m["sample_interval_s"] == pytest.approx(64e-9, rel=1e-3)
    plot = tmp_path / "results" / m["plot"]
    assert m["plot"].startswith("scope/run1/") and plot.read_bytes()[:4] == b"\x89PNG"
    assert judge(Expected("done\n"), outcome).verdict is Verdict.PASS


def test_a_value_outside_its_limits_fails_naming_value_and_limits(tmp_path, scope_server):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    spec = make_spec(tmp_path, SIDECAR.replace("min: 9000, max: 11000", "min: 20000"))
    try:
        outcome = bench.run(spec, ScriptedBoard(source), "board")
    finally:
        bench.close()
    judgement = judge(Expected("done\n"), outcome)
    assert judgement.verdict is Verdict.FAIL
    assert judgement.reason == "frequency-pin0-scope = 10000 Hz, outside its limits [20000, inf] Hz"


def test_too_few_cycles_fail(tmp_path, scope_server):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    spec = make_spec(tmp_path, SIDECAR.replace("samples: 10", "samples: 500"))
    try:
        outcome = bench.run(spec, ScriptedBoard(source), "board")
    finally:
        bench.close()
    judgement = judge(Expected("done\n"), outcome)
    assert judgement.verdict is Verdict.FAIL
    assert judgement.reason.startswith("jitter: only 17 values in the capture, 500 needed")


@pytest.mark.parametrize(("limits", "verdict", "reason"), [
    ("min: 60, max: 60", Verdict.PASS, "matches the reference"),
    ("min: 61, max: 61", Verdict.FAIL, "pulses = 60, outside its limits [61, 61]"),  # a count has no unit
])
def test_a_count_of_pulses_is_exact(tmp_path, scope_server, limits, verdict, reason):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    # The whole train (60 cycles, 6 ms) inside the window: nothing cut off at either end.
    spec = make_spec(tmp_path, "window_s: 0.01\npretrigger: 0.05\ntrigger: {pin: pin0}\nchecks:\n"
                     "  - {name: pulses, pin: pin0, measure: pulse_width_pos, source: host, "
                     f"statistic: count, {limits}}}\n")
    try:
        outcome = bench.run(spec, ScriptedBoard(source), "board")
    finally:
        bench.close()
    judgement = judge(Expected("done\n"), outcome)
    assert (judgement.verdict, judgement.reason) == (verdict, reason)


def test_no_trigger_is_a_failure_of_the_target_not_infra(tmp_path, scope_server):
    _, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    spec = make_spec(tmp_path, SIDECAR.replace("window_s: 0.002", "window_s: 0.002\ndeadline_s: 0.2"))
    silent = ScriptedBoard(ScriptedSource())  # plays its edges somewhere the scope does not see
    try:
        outcome = bench.run(spec, silent, "board")
    finally:
        bench.close()
    judgement = judge(Expected("done\n"), outcome)
    assert judgement.verdict is Verdict.FAIL
    assert "no rising edge on pin0 (channel 1) within 0.2 s" in judgement.reason


@pytest.mark.parametrize(("answer", "dialect", "expected"), [
    ("%$#@!", "rigol-ds1000z", r"'\*IDN\?': answered '%\$#@!', which is not a Rigol DS1000Z"),
    ("RIGOL TECHNOLOGIES,DS1054Z,X,1", "keysight-infiniivision",
     r"'\*IDN\?': answered 'RIGOL TECHNOLOGIES,DS1054Z,X,1', which is not a Keysight InfiniiVision"),
    (None, "tektronix-mso", r"'\*IDN\?': no answer within 0.5 s \(timeout\)"),
])
def test_a_bad_instrument_gives_infra_naming_instrument_and_command(tmp_path, answer, dialect, expected):
    with BadInstrument(answer) as bad:
        bench = make_bench(tmp_path, bad.resource, dialect=dialect)
        board = ScriptedBoard(ScriptedSource())
        try:
            outcome = bench.run(make_spec(tmp_path), board, "board")
        finally:
            bench.close()
    judgement = judge(Expected("done\n"), outcome)
    assert judgement.verdict is Verdict.INFRA
    assert judgement.reason.startswith(f"instrument labscope ({bad.resource}): ")
    assert pytest.importorskip("re").search(expected, judgement.reason)
    assert board.runs == 0  # the program does not run unobserved


def test_garbage_in_the_middle_of_a_check_is_infra(tmp_path):
    """A scope that identifies itself, then answers a measurement with garbage."""
    source = ScriptedSource(time_resolution_s=64e-9)
    with VirtualScope(source, {1: 3}, settle_s=0.02) as server:
        server.state.errors.clear()
        original = server._measure
        server._measure = lambda args: "overload!"  # the instrument misbehaves mid-check
        bench = make_bench(tmp_path, server.resource)
        try:
            outcome = bench.run(make_spec(tmp_path), ScriptedBoard(source), "board")
        finally:
            bench.close()
            server._measure = original
    judgement = judge(Expected("done\n"), outcome)
    assert judgement.verdict is Verdict.INFRA
    assert "':MEASure:ITEM? FREQuency,CHANnel1': answered 'overload!', expected a number" in judgement.reason
    assert outcome.stdout == "done\n"  # what the program printed is kept


def test_unwired_pins_or_targets_are_unsupported(tmp_path, scope_server):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource, wiring="{pin1: 1}")
    outcome = bench.run(make_spec(tmp_path), ScriptedBoard(source), "board")
    assert outcome.unsupported == "no scope in the rig is wired to pin0 of board"


def test_a_rejected_emitter_is_unsupported_with_the_evidence(tmp_path, scope_server):
    source, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    spec = make_spec(tmp_path, "emitter: native\n" + SIDECAR)
    board = ScriptedBoard(source, stdout="", exception="SyntaxError", exit_code=1,
                          stderr='Traceback (most recent call last):\n  File "<stdin>", line 2, in '
                                 '<module>\nSyntaxError: invalid micropython decorator\n')
    try:
        outcome = bench.run(spec, board, "board")
    finally:
        bench.close()
    assert outcome.unsupported == ("the firmware rejects @micropython.native "
                                   "(SyntaxError: invalid micropython decorator)")


def test_bad_sidecars_and_instrument_entries_name_file_and_line(tmp_path, scope_server):
    _, server = scope_server
    bench = make_bench(tmp_path, server.resource)
    bad = "checks:\n  - {pin: pin0, measure: rise_delay, max: 1}\n"
    with pytest.raises(HarnessError, match=r"blink.yaml:2: checks.0: rise_delay needs a second pin"):
        bench.run(make_spec(tmp_path, bad), ScriptedBoard(ScriptedSource()), "board")
    bad = "checks:\n  - {pin: pin0, measure: frequency}\n"
    with pytest.raises(HarnessError, match=r"blink.yaml:2: checks.0: .* is not valid under any"):
        bench.run(make_spec(tmp_path, bad), ScriptedBoard(ScriptedSource()), "board")
    with pytest.raises(HarnessError, match=r"rig.yaml:7: instruments.0.dialect: 'lecroy' is not one of"):
        make_bench(tmp_path, server.resource, dialect="lecroy")
    with pytest.raises(HarnessError, match=r"rig.yaml:8: instruments.0: target 'nope' is not in this rig"):
        make_bench(tmp_path, server.resource, target="nope")


def test_the_virtual_scope_needs_a_traced_emulator(tmp_path):
    rig = tmp_path / "rig.yaml"
    rig.write_text("name: v\ntargets:\n  - {name: mb, kind: qemu-microbit}\ninstruments:\n"
                   "  - {name: vs, virtual: true, dialect: rigol-ds1000z, target: mb, wiring: {pin0: 1}}\n")
    loaded = load_rig(rig, tmp_path)
    with pytest.raises(HarnessError, match=r"rig.yaml:5: instruments.0: target 'mb' must trace its GPIO"):
        Bench(loaded.raw, loaded.path, loaded.targets, tmp_path, "r")


def test_a_session_on_the_unix_port_with_a_garbage_scope_reports_infra(project):
    """Real parts end to end, bar the scope: the unix port runs the spec, the bad instrument
    answers garbage over TCP, the session retries INFRA once and stores the verdict."""
    from harness.session import Session

    project.spec("hw/blink.py", "print('done')\n", header="# targets: unix\n")
    (project.root / "specs" / "hw" / "blink.exp").write_text("done\n")
    (project.root / "specs" / "hw" / "blink.yaml").write_text(SIDECAR)
    with BadInstrument("garbage\x01") as bad:
        (project.root / "rigs" / "local.yaml").write_text(textwrap.dedent(f"""\
            name: mini
            results: results
            targets:
              - {{name: unix, kind: unix, heapsize: 256k}}
            instruments:
              - {{name: scope1, resource: "{bad.resource}", dialect: siglent-sds, target: unix,
                  timeout_s: 0.5, wiring: {{pin0: 1}}}}
            """))
        rig = load_rig(project.root / "rigs" / "local.yaml", project.root)
        session = Session(project.root, rig, ["unix"])
        try:
            spec = load_spec(project.root / "specs" / "hw" / "blink.py", project.root / "specs")
            result = session.run_item(spec, "unix")
        finally:
            session.close()
    assert result.verdict is Verdict.INFRA, result.reason
    assert result.reason == (f"instrument scope1 ({bad.resource}): '*IDN?': answered 'garbage\\x01', "
                             "which is not a Siglent SDS (expected '^SIGLENT TECHNOLOGIES,SDS\\\\d')")
    assert result.outcome.attempts == 2  # INFRA gets one more try
    stored = session.store.results(session.run_id)
    assert [row["verdict"] for row in stored] == ["INFRA"]
