"""Records the instruments layer hands up: captured waveforms and scope identities."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class ScopeIdentity:
    vendor: str
    model: str
    serial: str
    firmware: str
    idn: str  # the raw *IDN? answer

    def as_dict(self) -> dict[str, str]:
        return {"vendor": self.vendor, "model": self.model, "serial": self.serial,
                "firmware": self.firmware}


@dataclass(frozen=True)
class Waveform:
    """One channel's acquisition: time of each sample (seconds from the trigger) and volts.

    ``time_resolution_s`` is what the time axis can resolve: the sample interval for a real
    scope, or the source's own resolution when that is coarser (the emulator's instruction
    time under -icount).
    """

    channel: int
    times: np.ndarray = field(repr=False, compare=False)
    volts: np.ndarray = field(repr=False, compare=False)
    x_increment: float
    time_resolution_s: float
    instrument: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if len(self.times) != len(self.volts):
            raise ValueError(f"{len(self.times)} times for {len(self.volts)} samples")

    @property
    def points(self) -> int:
        return len(self.volts)

    @property
    def span_s(self) -> float:
        return float(self.times[-1] - self.times[0]) if self.points > 1 else 0.0
