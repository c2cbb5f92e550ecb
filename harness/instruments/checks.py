"""One scope check of a spec: arm the scope before the program runs, then measure and
capture after it ended. The numbers go into ``Outcome.measurements``; the verdict function
judges them against their limits."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from harness.instruments import analysis
from harness.instruments.scope import Scope
from harness.instruments.sidecar import Check, HardwareSpec
from harness.instruments.waveform import Waveform


@dataclass
class Probe:
    """A scope and how the target's pins reach it."""

    scope: Scope
    channels: dict[str, int]  # pin -> channel
    volts_per_div: float = 1.0
    center_v: float = 1.65
    probe: float = 1.0
    # What the time stamps resolve when the signal's own source is coarser than the sample
    # clock (the emulator's instruction time), and what clock they come from.
    source_resolution_s: float | None = None
    time_base: str = "the scope's sample clock"

    def channel(self, pin: str) -> int:
        return self.channels[pin]


def arm(probe: Probe, hw: HardwareSpec) -> None:
    """Set up every probed channel, the window and the trigger, and wait for it."""
    scope = probe.scope
    for pin in hw.pins:
        scope.configure_channel(probe.channel(pin), probe.volts_per_div, probe.center_v, probe=probe.probe)
    scope.set_timebase(hw.window_s, hw.pretrigger)
    level = hw.trigger_level_v if hw.trigger_level_v is not None else probe.center_v
    scope.edge_trigger(probe.channel(hw.trigger_pin), level, hw.trigger_slope)
    scope.arm()


def collect(probe: Probe, hw: HardwareSpec) -> tuple[dict[str, Any], dict[str, Waveform]]:
    """After the program: wait for the acquisition, take every check's number and the waveforms."""
    scope = probe.scope
    report: dict[str, Any] = {
        "window_s": hw.window_s,
        "trigger": {"pin": hw.trigger_pin, "slope": hw.trigger_slope,
                    "level_v": hw.trigger_level_v if hw.trigger_level_v is not None else probe.center_v},
        "time_base": probe.time_base,
    }
    if not scope.wait(hw.deadline_s):
        why = (f"no {hw.trigger_slope} edge on {hw.trigger_pin} (channel {probe.channel(hw.trigger_pin)}) "
               f"within {hw.deadline_s:g} s after the program ended")
        report["acquired"] = False
        report["checks"] = [_entry(check, probe, None, problem=why) for check in hw.checks]
        return report, {}
    report["acquired"] = True
    waves = {pin: _resolved(scope.waveform(probe.channel(pin)), probe) for pin in hw.pins}
    sample = min(wave.x_increment for wave in waves.values())
    report["sample_interval_s"] = sample
    report["time_resolution_s"] = max(sample, probe.source_resolution_s or 0.0)
    if probe.source_resolution_s is not None:
        report["source_time_resolution_s"] = probe.source_resolution_s
    report["checks"] = [_check(check, probe, waves) for check in hw.checks]
    return report, waves


def _resolved(wave: Waveform, probe: Probe) -> Waveform:
    """The waveform stating what its times resolve: its sample interval, or the signal
    source's resolution when that is coarser."""
    if probe.source_resolution_s is None:
        return wave
    return replace(wave, time_resolution_s=max(wave.x_increment, probe.source_resolution_s),
                   metadata={**wave.metadata, "time_base": probe.time_base})


def _check(check: Check, probe: Probe, waves: dict[str, Waveform]) -> dict[str, Any]:
    if check.source == "scope":
        channel2 = probe.channel(check.pin2) if check.pin2 else None
        value = probe.scope.measure(check.measure, probe.channel(check.pin), channel2)
        problem = None if value is not None else "the scope has no valid value (9.9E37)"
        return _entry(check, probe, value, problem=problem)
    stats = analysis.measure(check.measure, waves[check.pin], waves.get(check.pin2) if check.pin2 else None,
                             check.threshold_v, check.hysteresis_v)
    value = stats[check.statistic]
    problem = None
    if stats["count"] < check.samples:
        problem = f"only {stats['count']} values in the capture, {check.samples} needed (samples)"
    elif value is None:
        problem = "no complete cycle in the capture"
    entry = _entry(check, probe, value, problem=problem)
    entry.update(statistic=check.statistic, samples=check.samples, stats=stats)
    return entry


def _entry(check: Check, probe: Probe, value: float | None, problem: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": check.name, "pin": check.pin, "channel": probe.channel(check.pin),
        "measure": check.measure, "source": check.source, "unit": check.unit,
        "value": value, "min": check.minimum, "max": check.maximum,
    }
    if check.pin2:
        entry.update(pin2=check.pin2, channel2=probe.channel(check.pin2))
    if problem:
        entry["problem"] = problem
    return entry
