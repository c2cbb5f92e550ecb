"""A spec's hardware sidecar (``<name>.yaml``): the scope's window and trigger, and the checks
(pin, measurement, limits, samples). Validated against ``schemas/hardware.schema.json``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.errors import HarnessError
from harness.instruments.analysis import HOST_ONLY, MEASURES, TWO_CHANNEL
from harness.schema import validate
from harness.yamlfile import load_yaml


@dataclass(frozen=True)
class Check:
    name: str
    pin: str
    measure: str
    source: str  # "scope" or "host"
    minimum: float | None = None
    maximum: float | None = None
    pin2: str | None = None
    statistic: str = "mean"
    samples: int = 1
    threshold_v: float | None = None
    hysteresis_v: float | None = None

    @property
    def unit(self) -> str:
        return "" if self.statistic == "count" else MEASURES[self.measure]  # a count has no unit

    @property
    def pins(self) -> tuple[str, ...]:
        return (self.pin, self.pin2) if self.pin2 else (self.pin,)


@dataclass(frozen=True)
class HardwareSpec:
    path: Path
    checks: tuple[Check, ...]
    trigger_pin: str
    trigger_slope: str = "rising"
    trigger_level_v: float | None = None
    window_s: float = 0.01
    pretrigger: float = 0.1
    deadline_s: float = 5.0
    emitter: str | None = None

    @property
    def pins(self) -> tuple[str, ...]:
        seen: dict[str, None] = {self.trigger_pin: None}
        for check in self.checks:
            for pin in check.pins:
                seen[pin] = None
        return tuple(seen)


def load_hardware_spec(path: Path) -> HardwareSpec:
    data, lines = load_yaml(path)
    validate(data, "hardware", path, lines)
    checks = []
    names: set[str] = set()
    for index, entry in enumerate(data["checks"]):
        line = lines.get(("checks", index))
        measure = entry["measure"]
        source = entry.get("source", "host" if measure in HOST_ONLY else "scope")
        if measure in HOST_ONLY and source != "host":
            raise HarnessError(f"checks.{index}: {measure} is computed on the host (source: host)",
                               where=path, line=line)
        if (measure in TWO_CHANNEL) != ("pin2" in entry):
            need = "needs" if measure in TWO_CHANNEL else "takes no"
            raise HarnessError(f"checks.{index}: {measure} {need} a second pin (pin2)", where=path, line=line)
        if source == "scope" and ("statistic" in entry or "samples" in entry):
            raise HarnessError(f"checks.{index}: statistic and samples apply to host measurements "
                               "(source: host)", where=path, line=line)
        low, high = entry.get("min"), entry.get("max")
        if low is not None and high is not None and low > high:
            raise HarnessError(f"checks.{index}: min {low} is above max {high}", where=path, line=line)
        name = entry.get("name") or "-".join([measure, entry["pin"], *([entry["pin2"]] if "pin2" in entry
                                                                       else []), source])
        if source == "host" and entry.get("statistic", "mean") != "mean":
            name = entry.get("name") or f"{name}-{entry['statistic']}"
        if name in names:
            raise HarnessError(f"checks.{index}: two checks named {name!r} (give one a name:)",
                               where=path, line=line)
        names.add(name)
        checks.append(Check(
            name=name, pin=entry["pin"], measure=measure, source=source, minimum=low, maximum=high,
            pin2=entry.get("pin2"), statistic=entry.get("statistic", "mean"),
            samples=int(entry.get("samples", 1)), threshold_v=entry.get("threshold_v"),
            hysteresis_v=entry.get("hysteresis_v")))
    trigger = data.get("trigger", {})
    return HardwareSpec(
        path=path,
        checks=tuple(checks),
        trigger_pin=trigger.get("pin", checks[0].pin),
        trigger_slope=trigger.get("slope", "rising"),
        trigger_level_v=trigger.get("level_v"),
        window_s=float(data.get("window_s", 0.01)),
        pretrigger=float(data.get("pretrigger", 0.1)),
        deadline_s=float(data.get("deadline_s", 5.0)),
        emitter=data.get("emitter"),
    )
