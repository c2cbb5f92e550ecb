"""The virtual scope as an instrument: a SCPI server on 127.0.0.1, reached through real
pyvisa-py TCP by the real Rigol driver, fed with scripted edges and with a GPIO log in the
QEMU plugin's format."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from harness.errors import HarnessError
from harness.instruments import InstrumentError, Link, ScpiScope, analysis, open_scope
from harness.instruments.dialects import DIALECTS
from harness.instruments.virtual import Level, ScriptedSource, VirtualScope
from harness.targets.qemu_gpio import MPS2_LEDS, GpioTrace, build_plugin, lines_mask, parse_lines

RES = 64e-9  # the emulator's instruction time under -icount shift=6


@pytest.fixture
def bench():
    source = ScriptedSource(time_resolution_s=RES, time_base="scripted, 64 ns")
    with VirtualScope(source, {1: 3, 2: 2}, settle_s=0.02) as server:
        scope = open_scope("vscope", server.resource, "rigol-ds1000z", timeout_s=2.0)
        yield source, server, scope
        scope.close()


def arm(scope, window: float = 1e-3, channel: int = 1, slope: str = "rising") -> None:
    assert scope.identify().serial == "HARNESS-VIRTUAL"
    scope.reset()
    scope.configure_channel(1, 1.0, 1.65)
    scope.configure_channel(2, 1.0, 1.65)
    scope.set_timebase(window, 0.1)
    scope.edge_trigger(channel, 1.65, slope)
    scope.arm()


def test_measures_scripted_edges_through_pyvisa(bench):
    source, server, scope = bench
    assert server.resource.startswith("TCPIP::127.0.0.1::") and server.resource.endswith("::SOCKET")
    arm(scope)
    source.square(line=3, start_ns=2_000_000, period_ns=100_000, high_ns=30_016, cycles=40)
    assert scope.wait(5.0)
    # the scope's own measurements use the exact edge times
    assert scope.measure("frequency", 1) == pytest.approx(10_000.0)
    assert scope.measure("period", 1) == pytest.approx(100e-6)
    assert scope.measure("pulse_width_pos", 1) == pytest.approx(30.016e-6)
    assert scope.measure("duty_cycle", 1) == pytest.approx(30.016)
    wave = scope.waveform(1)
    assert wave.x_increment == pytest.approx(RES, rel=1e-4)  # AUTO depth: the source's resolution
    assert wave.span_s == pytest.approx(1e-3, rel=1e-3)
    assert wave.times[0] == pytest.approx(-1e-4, rel=1e-3)  # 10 % before the trigger
    before, after = wave.volts[wave.times < -RES], wave.volts[(wave.times >= 0) & (wave.times < 30e-6)]
    assert np.all(before < 0.1) and np.all(after > 3.2)  # low before the trigger, high from it
    host = analysis.measure("frequency", wave)
    assert host["count"] == 8 and host["median"] == pytest.approx(10_000, rel=2 * RES / 100e-6)


def test_delay_between_two_pins(bench):
    source, _, scope = bench
    arm(scope, window=200e-6)
    for k in range(3):
        t = 1_000_000 + k * 50_000
        source.add(Level(t, frozenset({3})), Level(t + 7_040, frozenset({3, 2})),
                   Level(t + 20_000, frozenset({2})), Level(t + 27_040))
    assert scope.wait(5.0)
    assert scope.measure("rise_delay", 1, 2) == pytest.approx(7.04e-6)
    assert scope.measure("fall_delay", 1, 2) == pytest.approx(7.04e-6)
    host = analysis.measure("rise_delay", scope.waveform(1), scope.waveform(2))
    assert host["count"] == 3 and host["max"] == pytest.approx(7.04e-6, abs=RES)


def test_falling_trigger_and_edges_before_arming_are_ignored(bench):
    source, _, scope = bench
    source.add(Level(100, frozenset({3})), Level(200))  # before :SINGle: not seen
    arm(scope, window=120e-6, slope="falling")
    source.add(Level(1_000_000, frozenset({3})), Level(1_050_000))
    assert scope.wait(5.0)
    wave = scope.waveform(1)
    assert wave.volts[wave.times < -RES][-1] > 3.2 and wave.volts[wave.times > RES][0] < 0.1


def test_no_trigger_means_not_acquired_and_no_value(bench):
    source, _, scope = bench
    arm(scope)
    source.add(Level(1_000, frozenset({2})))  # another line: channel 1 never rises
    started = time.monotonic()
    assert scope.wait(0.3) is False
    assert time.monotonic() - started < 2.0
    scope.link.write(":STOP")
    assert scope.measure("frequency", 1) is None  # 9.9E37


def test_an_unknown_query_gets_no_answer_and_a_clear_error(bench):
    _, server, _ = bench
    link = Link.open("vscope", server.resource, timeout_s=0.3)
    try:
        with pytest.raises(InstrumentError) as err:
            link.query(":BOGus:THINg?")
        assert "vscope" in str(err.value) and "':BOGus:THINg?'" in str(err.value)
        assert "no answer within 0.3 s" in str(err.value)
        assert link.query(":SYSTem:ERRor?") == '-113,"Undefined header"'
        assert link.query("*IDN?").startswith("RIGOL TECHNOLOGIES,DS1104Z")
    finally:
        link.close()


def test_unreachable_instrument_is_an_instrument_error():
    from harness.targets.qemu import free_tcp_port

    port = free_tcp_port()
    scope = open_scope("nowhere", f"TCPIP::127.0.0.1::{port}::SOCKET", "rigol-ds1000z", 1.0)
    with pytest.raises(InstrumentError, match=rf"instrument nowhere \(TCPIP::127.0.0.1::{port}::SOCKET\): "
                                              r"'\*IDN\?': ConnectionRefusedError"):
        scope.identify()


LOG = """\
gpio out 0x40000001 dir 0x01000000 ns 500032
nrf51_gpio_update_output_irq line 3 value 1
gpio out 0x40000001 dir 0x01000008 ns 7088915680
gpio out 0x40000009 dir 0x01000008 ns 7088916384
gpio out 0x40000001 dir 0x01000008 ns 7088952608
gpio out 0x40000009 dir 0x01000008 ns 7089062000
gpio out 0x40000001 dir 0x01000008 ns 7089098000
gpio out 0x40000009 dir 0x010"""  # the last line is still being written


def test_gpio_log_lines_parse_and_drive_the_virtual_scope(tmp_path):
    changes = parse_lines(LOG.encode())
    assert [c.t_ns for c in changes][:2] == [500032, 7088915680]
    assert changes[2].volts(3) == 3.3 and changes[1].volts(3) == 0.0
    assert changes[0].volts(3) == 0.0  # out set but not an output: not driven
    trace = GpioTrace(icount_shift=6, plugin=tmp_path / "unused.so")
    try:
        trace.new_boot()
        assert trace.time_resolution_s == pytest.approx(64e-9)
        assert "shift=6" in trace.time_base
        assert trace.log_path is not None
        with VirtualScope(trace, {1: 3}, settle_s=0.0) as server:
            scope = ScpiScope(Link.open("vscope", server.resource, 2.0), DIALECTS["rigol-ds1000z"])
            try:
                scope.set_timebase(400e-6, 0.1)
                scope.edge_trigger(1, 1.65)
                scope.arm()
                trace.log_path.write_text(LOG)
                state, found = trace.since(_boot_start(trace))
                assert len(found) == 6 and found[-1].t_ns == 7089098000  # the cut line waits
                with open(trace.log_path, "a") as log:
                    log.write("00008 ns 7089200000\n")
                assert scope.wait(2.0)
                # rising edges at 7088916384, 7089062000 and 7089200000 ns
                assert scope.measure("period", 1) == pytest.approx(141.808e-6)
            finally:
                scope.close()
    finally:
        trace.close()


def _boot_start(trace: GpioTrace):
    from harness.targets.qemu_gpio import GpioMark

    return GpioMark(trace.boot, 0)


def test_gpio_trace_option():
    assert lines_mask(True, "t") == 0xFFFF000F  # every line but the LED matrix
    assert lines_mask(["pin0", 2], "t") == (1 << 3) | (1 << 2)
    with pytest.raises(HarnessError, match="target 'mb': gpio_trace: 'pin99' is neither"):
        lines_mask(["pin99"], "target 'mb'")
    assert lines_mask(True, "t", MPS2_LEDS) == 0x3
    assert lines_mask(["led1"], "t", MPS2_LEDS) == 0x2
    trace = GpioTrace(MPS2_LEDS.default_lines, icount_shift=6, plugin=Path("/p.so"), board=MPS2_LEDS)
    try:
        assert trace.qemu_args()[-1] == "/p.so,lines=0x3,lo=0x40028000,hi=0x40028003,out=0x40028000,dir=0x0"
    finally:
        trace.close()


@pytest.mark.skipif(shutil.which("gcc") is None or shutil.which("nm") is None, reason="no gcc")
def test_the_qemu_plugin_builds_once_and_exports_the_plugin_api(tmp_path):
    plugin = build_plugin(tmp_path)
    assert plugin.exists() and build_plugin(tmp_path) == plugin  # cached by source hash
    symbols = subprocess.run(["nm", "-D", str(plugin)], capture_output=True, text=True).stdout
    assert " D qemu_plugin_version" in symbols or " B qemu_plugin_version" in symbols
    assert " T qemu_plugin_install" in symbols
    assert " U qemu_clock_get_ns" in symbols
