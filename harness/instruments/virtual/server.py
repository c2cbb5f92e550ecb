"""The virtual scope: a real SCPI instrument on 127.0.0.1 speaking the Rigol DS1000Z dialect,
whose channels are digital lines of an edge source (the emulated micro:bit's GPIO).

Reached like any LAN scope, through pyvisa-py as ``TCPIP::127.0.0.1::<port>::SOCKET``; the
harness's Rigol driver talks to it unchanged. What differs from the real instrument:

- ``:SINGle`` arms at the source's present; the acquisition is the window around the first
  trigger edge after that, frozen once the source has passed the window's end or has been
  quiet (the program finished) for ``settle_s`` host seconds. The level after the last
  change is held.
- ``:ACQuire:MDEPth AUTO`` samples at the source's time resolution (the emulator's
  instruction time), up to ``MAX_AUTO_POINTS``.
- ``:MEASure:ITEM?`` measures on the exact change times (the mean over every complete cycle
  in the window), so its results keep the source's resolution, not the sample interval.
- Unknown commands are ignored and queued as SCPI errors; unknown queries get no answer,
  as on a real instrument (the client times out).
"""

from __future__ import annotations

import logging
import math
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from harness.instruments.analysis import series
from harness.instruments.virtual.scpi import Command, Vocabulary, parse, split_program
from harness.instruments.virtual.signals import Capture, EdgeSource, find_trigger, freeze, last_time

log = logging.getLogger("harness.instruments.virtual")

IDN = "RIGOL TECHNOLOGIES,DS1104Z,HARNESS-VIRTUAL,00.04.05.SP2"
CHANNELS = 4
DIVISIONS = 12
Y_CODES_PER_DIV = 25
Y_REFERENCE = 127
CHUNK_POINTS = 250_000
MAX_AUTO_POINTS = 6_000_000
DEPTHS = (12_000, 120_000, 1_200_000, 12_000_000, 24_000_000)
INVALID = "9.9E37"
SETTLE_S = 0.05

WORDS = [
    "*IDN", "*RST", "*CLS", "*OPC", "*ESR", "*WAI", "SYSTem", "ERRor", "NEXT",
    "CHANnel", "DISPlay", "SCALe", "OFFSet", "COUPling", "PROBe",
    "TIMebase", "MAIN", "TRIGger", "MODE", "EDGe", "SOURce", "SLOPe", "LEVel", "STATus", "SWEep",
    "SINGle", "RUN", "STOP", "ACQuire", "MDEPth", "SRATe", "MEASure", "ITEM",
    "WAVeform", "FORMat", "STARt", "PREamble", "DATA", "POINts",
    "POSitive", "NEGative", "RFALl", "EDGE", "AUTO", "NORMal", "RAW", "MAXimum", "BYTE", "WORD", "ASCii",
    "FREQuency", "PERiod", "PWIDth", "NWIDth", "PDUTy", "NDUTy", "RDELay", "FDELay", "DC", "AC", "GND",
    "ON", "OFF",
]
ITEMS = {"FREQuency": "frequency", "PERiod": "period", "PWIDth": "pulse_width_pos",
         "NWIDth": "pulse_width_neg", "PDUTy": "duty_cycle", "RDELay": "rise_delay",
         "FDELay": "fall_delay"}
SLOPES = {"POSitive": "rising", "NEGative": "falling"}


@dataclass
class ChannelState:
    display: bool = False
    scale: float = 1.0
    offset: float = 0.0  # Rigol: a positive offset moves the trace up (the centre is -offset)
    probe: float = 1.0
    coupling: str = "DC"

    @property
    def y_increment(self) -> float:
        return self.scale / Y_CODES_PER_DIV

    @property
    def y_origin(self) -> int:
        return int(round(self.offset / self.y_increment))


@dataclass
class ScopeState:
    channels: dict[int, ChannelState] = field(default_factory=lambda: {
        n: ChannelState(display=n == 1) for n in range(1, CHANNELS + 1)})
    scale_s: float = 1e-6
    offset_s: float = 0.0
    trigger_channel: int = 1
    trigger_slope: str = "rising"
    trigger_level: float = 0.0
    sweep: str = "AUTO"
    depth: str | int = "AUTO"
    status: str = "STOP"  # WAIT, TD, STOP, RUN
    mark: Any = None
    capture: Capture | None = None
    wave_source: int = 1
    wave_mode: str = "NORMal"
    wave_format: str = "BYTE"
    wave_start: int = 1
    wave_stop: int = 1200
    errors: list[str] = field(default_factory=list)

    @property
    def window_s(self) -> float:
        return self.scale_s * DIVISIONS


class VirtualScope:
    """The instrument and its TCP server. ``lines`` maps scope channels to the source's lines."""

    def __init__(self, source: EdgeSource, lines: dict[int, int], host: str = "127.0.0.1",
                 port: int = 0, settle_s: float = SETTLE_S):
        unknown = [c for c in lines if not 1 <= c <= CHANNELS]
        if unknown:
            raise ValueError(f"the virtual scope has channels 1-{CHANNELS}, not {unknown}")
        self.source = source
        self.lines = dict(lines)
        self.settle_s = settle_s
        self.state = ScopeState()
        self.vocabulary = Vocabulary(WORDS)
        self._lock = threading.RLock()
        self._server = _Server((host, port), _Handler)
        self._server.scope = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # ---- life cycle ----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def resource(self) -> str:
        return f"TCPIP::127.0.0.1::{self.port}::SOCKET"

    def start(self) -> VirtualScope:
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, name="virtual-scope",
                                            kwargs={"poll_interval": 0.05}, daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> VirtualScope:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def time_resolution_s(self) -> float | None:
        return self.source.time_resolution_s

    # ---- the instrument --------------------------------------------------------------------

    def handle_line(self, line: str) -> list[bytes]:
        """Answers (each without its newline) to one program line."""
        answers = []
        with self._lock:
            for text in split_program(line):
                command = parse(text, self.vocabulary)
                if command is None:
                    self.state.errors.append('-113,"Undefined header"')
                    log.debug("virtual scope: unknown command %r", text)
                    continue
                try:
                    answer = self._dispatch(command)
                except (ValueError, IndexError, KeyError):
                    self.state.errors.append('-224,"Illegal parameter value"')
                    log.debug("virtual scope: bad parameter in %r", text)
                    continue
                if answer is not None:
                    answers.append(answer if isinstance(answer, bytes) else answer.encode())
        return answers

    def _dispatch(self, cmd: Command) -> str | bytes | None:
        s = self.state
        h = cmd.header + ("?" if cmd.query else "")
        arg = cmd.args[0] if cmd.args else ""
        if h == "*IDN?":
            return IDN
        if h == "*RST":
            self.state = ScopeState()
            return None
        if h == "*CLS":
            s.errors.clear()
            return None
        if h in ("*OPC?",):
            return "1"
        if h in ("*ESR?",):
            return "0"
        if h in ("*WAI", "*OPC"):
            return None
        if h == ":SYSTem:ERRor?" or h == ":SYSTem:ERRor:NEXT?":
            return s.errors.pop(0) if s.errors else '0,"No error"'
        if cmd.header.startswith(":CHANnel#:"):
            return self._channel(cmd, s.channels[_channel_number(cmd.numbers[0])])
        if h == ":TIMebase:MAIN:SCALe":
            s.scale_s = _positive(arg)
            return None
        if h == ":TIMebase:MAIN:SCALe?":
            return _num(s.scale_s)
        if h == ":TIMebase:MAIN:OFFSet":
            s.offset_s = float(arg)
            return None
        if h == ":TIMebase:MAIN:OFFSet?":
            return _num(s.offset_s)
        if h == ":TRIGger:MODE":
            if self._word(arg).upper() != "EDGE":
                raise ValueError("only edge triggers")
            return None
        if h == ":TRIGger:MODE?":
            return "EDGE"
        if h == ":TRIGger:EDGe:SOURce":
            s.trigger_channel = self._source(arg)
            return None
        if h == ":TRIGger:EDGe:SOURce?":
            return f"CHAN{s.trigger_channel}"
        if h == ":TRIGger:EDGe:SLOPe":
            s.trigger_slope = SLOPES[self._word(arg)]
            return None
        if h == ":TRIGger:EDGe:SLOPe?":
            return "POS" if s.trigger_slope == "rising" else "NEG"
        if h == ":TRIGger:EDGe:LEVel":
            s.trigger_level = float(arg)
            return None
        if h == ":TRIGger:EDGe:LEVel?":
            return _num(s.trigger_level)
        if h == ":TRIGger:SWEep":
            s.sweep = self._word(arg).upper()
            return None
        if h == ":TRIGger:SWEep?":
            return s.sweep[:4]
        if h == ":TRIGger:STATus?":
            self._update()
            return s.status
        if h == ":SINGle":
            s.sweep = "SINGLE"
            s.mark = self.source.mark()
            s.capture = None
            s.status = "WAIT"
            return None
        if h == ":STOP":
            if s.status in ("WAIT", "TD", "RUN"):
                self._update()
                s.status = "STOP"
            return None
        if h == ":RUN":
            s.mark = self.source.mark()
            s.capture = None
            s.status = "WAIT"
            return None
        if h == ":ACQuire:MDEPth":
            word = self._word(arg)
            s.depth = "AUTO" if word == "AUTO" else _depth(arg)
            return None
        if h == ":ACQuire:MDEPth?":
            return str(self._points())
        if h == ":ACQuire:SRATe?":
            return _num(self._points() / s.window_s)
        if h == ":MEASure:ITEM?":
            return self._measure(cmd.args)
        if cmd.header.startswith(":WAVeform:"):
            return self._waveform(cmd, h, arg)
        raise KeyError(h)

    def _channel(self, cmd: Command, ch: ChannelState) -> str | None:
        name = cmd.header.rsplit(":", 1)[1]
        arg = cmd.args[0] if cmd.args else ""
        if cmd.query:
            values = {"DISPlay": "1" if ch.display else "0", "SCALe": _num(ch.scale),
                      "OFFSet": _num(ch.offset), "PROBe": _num(ch.probe), "COUPling": ch.coupling}
            return values[name]
        if name == "DISPlay":
            ch.display = arg == "1" or (arg != "0" and self._word(arg) == "ON")
        elif name == "SCALe":
            ch.scale = _positive(arg)
        elif name == "OFFSet":
            ch.offset = float(arg)
        elif name == "PROBe":
            ch.probe = _positive(arg)
        elif name == "COUPling":
            ch.coupling = self._word(arg)
        else:
            raise KeyError(name)
        return None

    def _word(self, token: str) -> str:
        word = self.vocabulary.canonical(token.strip())
        if word is None:
            raise ValueError(token)
        return word

    def _source(self, token: str) -> int:
        word = self._word(token)
        if not word.startswith("CHANnel"):
            raise ValueError(token)
        return _channel_number(int(word[len("CHANnel"):]))

    # ---- acquisition ---------------------------------------------------------------------

    def _window(self, trigger_ns: int) -> tuple[float, float]:
        s = self.state
        centre = trigger_ns + s.offset_s * 1e9
        half = s.window_s * 1e9 / 2
        return centre - half, centre + half

    def _update(self) -> None:
        """Look for the trigger, and freeze the acquisition once its window is complete."""
        s = self.state
        if s.status not in ("WAIT", "TD") or s.mark is None:
            return
        line = self.lines.get(s.trigger_channel)
        if line is None:
            return  # nothing wired to the trigger channel: it never triggers
        state, changes = self.source.since(s.mark)
        trigger = find_trigger(state, changes, line, s.trigger_level, s.trigger_slope)
        if trigger is None:
            return
        start, end = self._window(trigger)
        latest = last_time(changes)
        if (latest is not None and latest >= end) or self.source.quiet_for() >= self.settle_s:
            s.capture = freeze(state, changes, self.lines, trigger, start, end)
            s.status = "STOP"
        else:
            s.status = "TD"

    def _points(self) -> int:
        s = self.state
        if s.depth != "AUTO":
            return int(s.depth)
        resolution = self.source.time_resolution_s or 1e-9
        return int(min(MAX_AUTO_POINTS, max(DEPTHS[0], math.ceil(s.window_s / resolution))))

    def _sample_times_ns(self) -> np.ndarray:
        capture = self.state.capture
        assert capture is not None
        points = self._points()
        return capture.start_ns + np.arange(points) * ((capture.end_ns - capture.start_ns) / points)

    def _measure(self, args: tuple[str, ...]) -> str:
        if len(args) < 2:
            raise ValueError("item and source needed")
        what = ITEMS.get(self._word(args[0]))
        if what is None:
            raise ValueError(args[0])
        capture = self.state.capture
        channels = [self._source(a) for a in args[1:3]]
        if capture is None or any(c not in capture.channels for c in channels):
            return INVALID
        threshold = 3.3 / 2  # logic levels: the middle of the swing
        edges = [capture.edges(c, threshold) for c in channels]
        if what in ("rise_delay", "fall_delay"):
            if len(edges) < 2:
                raise ValueError("two sources needed")
            values = series(what, edges[0], edges[1])
        else:
            values = series(what, edges[0])
        if len(values) == 0:
            return INVALID
        value = float(np.mean(values))
        if what == "duty_cycle":
            value /= 100.0  # Rigol answers a ratio
        return f"{value:.6e}"

    def _waveform(self, cmd: Command, h: str, arg: str) -> str | bytes | None:
        s = self.state
        if h == ":WAVeform:SOURce":
            s.wave_source = self._source(arg)
        elif h == ":WAVeform:SOURce?":
            return f"CHAN{s.wave_source}"
        elif h == ":WAVeform:MODE":
            s.wave_mode = self._word(arg)
        elif h == ":WAVeform:FORMat":
            if self._word(arg) != "BYTE":
                raise ValueError("only BYTE format")
            s.wave_format = "BYTE"
        elif h == ":WAVeform:STARt":
            s.wave_start = max(1, int(arg))
        elif h == ":WAVeform:STOP":
            s.wave_stop = max(1, int(arg))
        elif h == ":WAVeform:PREamble?":
            return self._preamble()
        elif h == ":WAVeform:DATA?":
            return self._data()
        elif h == ":WAVeform:POINts?":
            return str(self._points())
        else:
            raise KeyError(h)
        return None

    def _preamble(self) -> str:
        s = self.state
        ch = s.channels[s.wave_source]
        points = self._points()
        xinc = s.window_s / points
        xorigin = s.offset_s - s.window_s / 2
        return ",".join([
            "0", "2", str(points), "1", f"{xinc:.6e}", f"{xorigin:.6e}", "0",
            f"{ch.y_increment:.6e}", str(ch.y_origin), str(Y_REFERENCE)])

    def _data(self) -> bytes:
        s = self.state
        capture = s.capture
        points = self._points()
        start = min(s.wave_start, points)
        stop = min(max(s.wave_stop, start), points, start + CHUNK_POINTS - 1)
        if capture is None or s.wave_source not in capture.channels:
            codes = np.full(stop - start + 1, Y_REFERENCE, dtype=np.uint8)
        else:
            times = self._sample_times_ns()[start - 1:stop]
            volts = capture.channels[s.wave_source].at(times)
            ch = s.channels[s.wave_source]
            raw = np.round(volts / ch.y_increment + ch.y_origin + Y_REFERENCE)
            codes = np.clip(raw, 0, 255).astype(np.uint8)
        body = codes.tobytes()
        return b"#9" + f"{len(body):09d}".encode() + body


def _channel_number(n: int) -> int:
    if not 1 <= n <= CHANNELS:
        raise ValueError(f"no channel {n}")
    return n


def _positive(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError(text)
    return value


def _depth(text: str) -> int:
    value = int(float(text))
    if value not in DEPTHS:
        raise ValueError(text)
    return value


def _num(value: float) -> str:
    return f"{value:.6e}"


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        scope: VirtualScope = self.server.scope  # type: ignore[attr-defined]
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for raw in self.rfile:
            line = raw.decode("ascii", errors="replace").strip()
            if not line:
                continue
            for answer in scope.handle_line(line):
                self.wfile.write(answer + b"\n")
            self.wfile.flush()
