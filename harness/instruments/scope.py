"""The one oscilloscope interface, and its implementation for any SCPI dialect.

The flow of one check: ``configure_channel`` for each probed channel, ``set_timebase``,
``edge_trigger``, ``arm`` (single acquisition), run the program, ``wait`` (with a
deadline), then ``measure`` and ``waveform``.
"""

from __future__ import annotations

import abc
import time

from harness.instruments.analysis import MEASURES, TWO_CHANNEL
from harness.instruments.dialect import COUPLINGS, SLOPES, Dialect, fmt
from harness.instruments.errors import InstrumentError
from harness.instruments.link import Link, parse_number
from harness.instruments.waveform import ScopeIdentity, Waveform

POLL_INTERVAL_S = 0.02
SCOPE_MEASURES = tuple(m for m in MEASURES if m != "cycle_to_cycle")


class Scope(abc.ABC):
    """An oscilloscope, whatever its make."""

    name: str
    resource: str

    @abc.abstractmethod
    def identify(self) -> ScopeIdentity:
        """Ask ``*IDN?``; InstrumentError when the answer is not this kind of scope."""

    @abc.abstractmethod
    def reset(self) -> None:
        """Factory defaults, cleared status."""

    @abc.abstractmethod
    def configure_channel(self, channel: int, volts_per_div: float, center_v: float,
                          coupling: str = "DC", probe: float = 1.0) -> None:
        """Show ``channel`` with ``center_v`` at the middle of the screen."""

    @abc.abstractmethod
    def set_timebase(self, window_s: float, pretrigger: float = 0.1) -> None:
        """Capture ``window_s`` seconds, ``pretrigger`` of them before the trigger."""

    @abc.abstractmethod
    def edge_trigger(self, channel: int, level_v: float, slope: str = "rising") -> None:
        """Trigger on an edge of ``channel`` crossing ``level_v``."""

    @abc.abstractmethod
    def arm(self) -> None:
        """Start a single acquisition: the scope waits for its trigger."""

    @abc.abstractmethod
    def wait(self, deadline_s: float) -> bool:
        """True once the acquisition is complete; False if it is not within ``deadline_s``."""

    def single(self, deadline_s: float) -> bool:
        self.arm()
        return self.wait(deadline_s)

    @abc.abstractmethod
    def measure(self, what: str, channel: int, channel2: int | None = None) -> float | None:
        """The scope's own measurement (names of ``analysis.MEASURES``); None: no valid value."""

    @abc.abstractmethod
    def waveform(self, channel: int) -> Waveform:
        """The acquired samples of ``channel``, in seconds from the trigger and volts."""

    def close(self) -> None:
        """Release the connection."""


class ScpiScope(Scope):
    """A scope driven by a dialect's command table over a ``Link``."""

    def __init__(self, link: Link, dialect: Dialect):
        self.link = link
        self.dialect = dialect
        self.name = link.name
        self.resource = link.resource_name

    def identify(self) -> ScopeIdentity:
        idn = self.link.query("*IDN?")
        if not self.dialect.idn.match(idn):
            raise self.link.error("*IDN?", f"answered {idn[:80]!r}, which is not a {self.dialect.title} "
                                           f"(expected {self.dialect.idn.pattern!r})")
        parts = [p.strip() for p in idn.split(",")] + ["", "", "", ""]
        return ScopeIdentity(vendor=parts[0], model=parts[1], serial=parts[2], firmware=parts[3], idn=idn)

    def reset(self) -> None:
        self.dialect.run(self.link, self.dialect.reset)

    def configure_channel(self, channel: int, volts_per_div: float, center_v: float,
                          coupling: str = "DC", probe: float = 1.0) -> None:
        if coupling not in COUPLINGS:
            raise ValueError(f"coupling must be one of {COUPLINGS}")
        offset = self.dialect.offset_sign * center_v
        self.dialect.run(self.link, self.dialect.channel, **self.dialect.fields(
            channel, scale=fmt(volts_per_div), offset=fmt(offset), coupling=coupling, probe=fmt(probe)))

    def set_timebase(self, window_s: float, pretrigger: float = 0.1) -> None:
        scale = window_s / self.dialect.divisions
        position = self.dialect.position(window_s, pretrigger)
        self.dialect.run(self.link, self.dialect.timebase, scale=fmt(scale), position=fmt(position))

    def edge_trigger(self, channel: int, level_v: float, slope: str = "rising") -> None:
        if slope not in SLOPES:
            raise ValueError(f"slope must be one of {SLOPES}")
        self.dialect.run(self.link, self.dialect.trigger, **self.dialect.fields(
            channel, slope=self.dialect.slopes[slope], level=fmt(level_v)))

    def arm(self) -> None:
        self.dialect.run(self.link, self.dialect.arm)

    def wait(self, deadline_s: float) -> bool:
        deadline = time.monotonic() + deadline_s
        for query, test in self.dialect.done:
            while True:
                answer = self.link.query(query)
                try:
                    if test(answer):
                        break
                except ValueError as err:
                    raise self.link.error(query, f"unexpected answer: {err}") from None
                if time.monotonic() >= deadline:
                    return False
                time.sleep(POLL_INTERVAL_S)
        return True

    def measure(self, what: str, channel: int, channel2: int | None = None) -> float | None:
        templates = self.dialect.measures.get(what)
        if templates is None:
            raise ValueError(f"{self.dialect.title} has no measurement {what!r} "
                             f"(known: {', '.join(self.dialect.measures)})")
        if what in TWO_CHANNEL and channel2 is None:
            raise ValueError(f"{what} needs a second channel")
        fields = self.dialect.fields(channel, channel2)
        answer = self.dialect.run(self.link, templates, **fields)
        command = templates[-1].format(**fields)
        if answer is None:
            raise ValueError(f"{self.dialect.name}: measurement {what!r} has no query")
        try:
            value = parse_number(answer)
        except ValueError:
            raise self.link.error(command, f"answered {answer[:80]!r}, expected a number") from None
        if value is not None and what == "duty_cycle":
            value *= self.dialect.duty_percent
        return value

    def waveform(self, channel: int) -> Waveform:
        try:
            samples = self.dialect.read_waveform(self.link, self.dialect, channel)
        except InstrumentError:
            raise
        except (ValueError, IndexError) as err:  # a preamble or block that does not parse
            raise self.link.error(None, f"waveform of channel {channel}: {err}") from None
        return Waveform(channel=channel, times=samples.times, volts=samples.volts,
                        x_increment=samples.x_increment, time_resolution_s=samples.x_increment,
                        instrument=self.name, metadata=dict(samples.metadata))

    def close(self) -> None:
        self.link.close()
