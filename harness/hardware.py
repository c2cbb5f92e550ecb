"""Scope checks inside a run: the session hands every spec to ``Bench.run``.

A spec without a hardware sidecar just runs. One with a sidecar (``<name>.yaml``) on a
target whose pins the rig wires to a scope is run between arming the scope and reading it:
the numbers, the time resolution and a waveform plot go into ``Outcome.measurements``,
where the verdict function judges them against their limits. An instrument that answers
badly gives ``measurements["instrument_error"]``, which the verdict function reports as
INFRA.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness.records import Outcome, Spec

# The instruments (and numpy under them) are imported when a rig has a scope or a spec a
# hardware sidecar: ~0.2-0.5 s of every other run's start (`harness bench suite` profile).
if TYPE_CHECKING:
    from harness.instruments import ScpiScope
    from harness.instruments.checks import Probe
    from harness.instruments.config import InstrumentConfig
    from harness.instruments.sidecar import HardwareSpec

log = logging.getLogger("harness.hardware")

_REJECTED_EMITTER = re.compile(r"invalid micropython decorator|unknown emitter|not supported", re.I)
PLOTS = "scope"  # folder under the results folder


@dataclass
class OpenInstrument:
    config: InstrumentConfig
    scope: ScpiScope
    identity: dict[str, str]
    virtual: Any = None  # the VirtualScope server, for the virtual scope
    source: Any = None  # what feeds the virtual scope (the target's GpioTrace)


class Bench:
    """The rig's instruments for one session: connected on first use, closed at the end."""

    def __init__(self, raw: dict[str, Any], rig_path: Path, targets: dict[str, Any], results: Path,
                 run_id: str):
        self._lock = threading.Lock()
        self.configs: list[InstrumentConfig] = []
        if raw.get("instruments"):
            from harness.instruments.config import load_instruments

            self.configs = load_instruments(raw, rig_path, targets)
        self.results = results
        self.run_id = run_id
        self._open: dict[str, OpenInstrument] = {}
        self._sidecars: dict[Path, HardwareSpec] = {}

    # ---- the session's hook --------------------------------------------------------------

    def run(self, spec: Spec, target: Any, target_name: str, mode: str = "bytecode") -> Outcome:
        """Run one spec on a started target, with its scope check if it has one."""
        if spec.hardware_path is None:
            return target.run(spec, mode)
        with self._lock:  # one scope check at a time (targets running at once: Session.concurrent)
            return self._run_checked(spec, target, target_name, mode)

    def _run_checked(self, spec: Spec, target: Any, target_name: str, mode: str) -> Outcome:
        from harness.instruments import InstrumentError
        from harness.instruments.checks import arm, collect

        hw = self.hardware_spec(spec)
        config = next((c for c in self.configs if c.wires(target_name, hw.pins)), None)
        if config is None:
            return Outcome(unsupported=f"no scope in the rig is wired to {', '.join(hw.pins)} "
                                       f"of {target_name}")
        try:
            instrument = self._instrument(config, target)
            probe = self._probe(instrument)
            arm(probe, hw)
        except InstrumentError as err:
            self._forget(config)
            return Outcome(measurements={"instrument_error": str(err), "scope": config.name})
        outcome = target.run(spec, mode)
        rejected = _emitter_rejected(hw, outcome)
        if rejected:
            return replace(outcome, unsupported=rejected)
        base: dict[str, Any] = {"scope": instrument.config.name, "resource": instrument.scope.resource,
                                "dialect": config.dialect, "identity": instrument.identity,
                                "virtual": config.virtual}
        unmeasured = _not_measured(outcome)
        if unmeasured:
            return replace(outcome, measurements={**outcome.measurements, **base,
                                                  "note": f"not measured: {unmeasured}"})
        try:
            report, waves = collect(probe, hw)
        except InstrumentError as err:
            self._forget(config)
            return replace(outcome, measurements={**outcome.measurements, **base,
                                                  "instrument_error": str(err)})
        # The target's own measurements (e.g. an audit's evidence) stay beside the scope's.
        measurements = {**outcome.measurements, **base, **report}
        if waves:
            measurements["plot"] = self._plot(spec, target_name, mode, waves, measurements)
        return replace(outcome, measurements=measurements)

    def hardware_spec(self, spec: Spec) -> HardwareSpec:
        assert spec.hardware_path is not None
        if spec.hardware_path not in self._sidecars:
            from harness.instruments.sidecar import load_hardware_spec

            hw = load_hardware_spec(spec.hardware_path)
            self._sidecars[spec.hardware_path] = hw
        return self._sidecars[spec.hardware_path]

    def close(self) -> None:
        for name in list(self._open):
            self._close(self._open.pop(name))

    # ---- instruments ---------------------------------------------------------------------

    def _instrument(self, config: InstrumentConfig, target: Any) -> OpenInstrument:
        from harness.instruments import DIALECTS, InstrumentError, Link, ScpiScope, open_scope

        current = self._open.get(config.name)
        source = getattr(target, "gpio", None) if config.virtual else None
        if current is not None and current.source is source:
            return current
        if current is not None:  # the target was replaced: feed a new virtual scope from it
            self._forget(config)
        virtual = None
        if config.virtual:
            from harness.instruments.virtual import VirtualScope

            if source is None:
                raise InstrumentError(config.name, "virtual", None,
                                      f"target {config.target!r} has no GPIO trace (gpio_trace: true)")
            lines = {channel: source.board.pins[pin] for pin, channel in config.wiring.items()}
            virtual = VirtualScope(source, lines).start()
            scope = ScpiScope(Link.open(config.name, virtual.resource, config.timeout_s),
                              DIALECTS[config.dialect])
        else:
            assert config.resource is not None
            scope = open_scope(config.name, config.resource, config.dialect, config.timeout_s)
        try:
            identity = scope.identify().as_dict()
            if config.reset:
                scope.reset()
        except InstrumentError:
            scope.close()
            if virtual is not None:
                virtual.stop()
            raise
        opened = OpenInstrument(config, scope, identity, virtual, source)
        self._open[config.name] = opened
        log.info("instrument %s: %s", config.name, identity)
        return opened

    def _probe(self, instrument: OpenInstrument) -> Probe:
        from harness.instruments.checks import Probe

        config = instrument.config
        probe = Probe(instrument.scope, config.wiring, config.volts_per_div, config.center_v, config.probe)
        if instrument.source is not None:
            probe.source_resolution_s = instrument.source.time_resolution_s
            probe.time_base = instrument.source.time_base
        return probe

    def _forget(self, config: InstrumentConfig) -> None:
        """Drop a connection after an error: the next check reconnects."""
        opened = self._open.pop(config.name, None)
        if opened is not None:
            self._close(opened)

    @staticmethod
    def _close(opened: OpenInstrument) -> None:
        opened.scope.close()
        if opened.virtual is not None:
            opened.virtual.stop()

    # ---- plots ------------------------------------------------------------------------------

    def _plot(self, spec: Spec, target_name: str, mode: str, waves: dict, measurements: dict) -> str:
        from harness.instruments.plot import plot_waveforms, si

        label = target_name if mode == "bytecode" else f"{target_name}-{mode}"
        relative = Path(PLOTS) / self.run_id / f"{spec.id.replace('/', '.')}--{label}.png"
        notes = []
        for check in measurements.get("checks", []):
            limits = f"[{si(check['min'], check['unit']) if check['min'] is not None else '-'}, " \
                     f"{si(check['max'], check['unit']) if check['max'] is not None else '-'}]"
            notes.append(f"{check['name']}: {si(check['value'], check['unit'])}  limits {limits}")
        resolution = measurements.get("time_resolution_s")
        notes.append(f"time resolution {si(resolution, 's')}; {measurements.get('time_base', '')}")
        try:
            plot_waveforms(waves, self.results / relative, f"{spec.id} on {label} ({measurements['scope']})",
                           notes)
        except Exception as err:  # a plot that cannot be drawn must not lose the numbers
            log.warning("plot of %s: %s", spec.id, err)
            return ""
        return relative.as_posix()


def _emitter_rejected(hw: HardwareSpec, outcome: Outcome) -> str | None:
    """Evidence that the firmware lacks the code emitter the spec needs."""
    if hw.emitter is None or outcome.exception != "SyntaxError":
        return None
    last = next((line.strip() for line in reversed(outcome.stderr.splitlines()) if line.strip()), "")
    if not _REJECTED_EMITTER.search(last):
        return None
    return f"the firmware rejects @micropython.{hw.emitter} ({last})"


def _not_measured(outcome: Outcome) -> str | None:
    """Why a program's pins are not worth measuring (it did not run to its end), or None."""
    reasons = (
        (outcome.timed_out, "the program timed out"),
        (outcome.crashed, "the target crashed"),
        (outcome.link_failed, "the link to the target failed"),
        (outcome.unsupported, f"unsupported: {outcome.unsupported}"),
        (outcome.skipped_reason, f"not run: {outcome.skipped_reason}"),
        (outcome.exception, f"the program raised {outcome.exception}"),
        (outcome.stdout == "SKIP\n", "the spec skipped itself (printed SKIP)"),
    )
    return next((why for happened, why in reasons if happened), None)

