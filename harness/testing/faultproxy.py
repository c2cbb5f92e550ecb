"""A fault-injecting serial proxy: a TCP port on 127.0.0.1 in front of a board's serial link.

The harness connects to it as to any networked board (``socket://127.0.0.1:PORT``); the
proxy forwards to the real link (any ByteStream: an emulator's pipe or pty, a serial
port) and, at fixed seeded rates, spoils what passes:

- ``drop``: a byte is lost;
- ``garble``: a byte arrives with some of its bits flipped;
- ``delay``: a chunk is held back for a while (what follows queues behind it);
- ``outage``: the link disappears (the connection is closed and the port refuses
  connections) and comes back after a while, as a USB cable pulled and plugged again.

Each direction draws from its own ``random.Random`` seeded from the plan's seed, so the
n-th byte of a direction meets the same fate in every run with the same traffic (delays
draw from a stream of their own, since chunking follows timing). Every fault is counted
and logged (``events``) so a test can tell which exchanges were hit. Writes to the board
are paced like the harness's own (chunks, and on an emulator's pipe or pty only once it
has taken the previous chunk), so the proxy adds no overruns of its own.
"""

from __future__ import annotations

import logging
import random
import select
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from harness.transport.stream import ByteStream

log = logging.getLogger("harness.testing.faultproxy")

CHUNK = 32  # bytes per paced write to the board, as the raw REPL writes them
CHUNK_GAP_S = 0.002
BURST_S = 0.05  # writes closer than this belong to one burst (a program being sent)


@dataclass(frozen=True)
class FaultPlan:
    """Fault rates: per byte for drop, garble and outage, per forwarded chunk for delay."""

    drop: float = 0.0
    garble: float = 0.0
    delay: float = 0.0
    delay_s: tuple[float, float] = (0.01, 0.3)
    outage: float = 0.0
    outage_s: tuple[float, float] = (0.2, 1.0)
    seed: int = 1
    # Which directions the byte faults hit: "to_board", "from_board".
    directions: tuple[str, ...] = ("to_board", "from_board")

    @classmethod
    def clean(cls) -> FaultPlan:
        return cls()


@dataclass(frozen=True)
class FaultEvent:
    time: float  # time.monotonic() when injected
    direction: str
    kind: str  # drop, garble, delay, outage
    offset: int  # byte offset in the direction's stream
    detail: str = ""


@dataclass
class _Direction:
    name: str
    rng: random.Random  # one draw per byte: a byte's fate depends on its offset only
    chunk_rng: random.Random  # delays, drawn per chunk (chunking follows timing)
    offset: int = 0


@dataclass
class FaultStats:
    counts: Counter = field(default_factory=Counter)
    events: list[FaultEvent] = field(default_factory=list)
    bytes: Counter = field(default_factory=Counter)
    connections: int = 0


class FaultProxy:
    """Listen on 127.0.0.1 and forward to ``upstream`` with faults. One client at a time."""

    def __init__(self, upstream: ByteStream, plan: FaultPlan, host: str = "127.0.0.1", port: int = 0):
        self.upstream = upstream
        self.plan = plan
        self.host = host
        self.stats = FaultStats()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._client: socket.socket | None = None
        self._listener: socket.socket | None = None
        self._down_until = 0.0
        self._last_write = 0.0
        self._dirs = {name: _Direction(name, random.Random(f"{plan.seed}:{name}"),
                                       random.Random(f"{plan.seed}:{name}:chunks"))
                      for name in ("to_board", "from_board")}
        self._listen(port)
        self.port = self._listener.getsockname()[1] if self._listener else port
        self._threads = [threading.Thread(target=fn, name=f"faultproxy-{fn.__name__}", daemon=True)
                         for fn in (self._accept_loop, self._to_board_loop, self._from_board_loop)]

    # ---- life cycle -------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"socket://{self.host}:{self.port}"

    def start(self) -> FaultProxy:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._drop_client()
        self._close_listener()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout=2)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def cut(self, seconds: float) -> None:
        """An outage now: the client is dropped and connections refused for ``seconds``."""
        self._outage(seconds, "cut by the test", "to_board")

    def set_plan(self, plan: FaultPlan) -> None:
        """Change the rates (the random streams go on)."""
        self.plan = plan

    # ---- the socket side --------------------------------------------------------------

    def _listen(self, port: int) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, port))
        listener.listen(1)
        listener.settimeout(0.05)
        self._listener = listener

    def _close_listener(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()

    def _drop_client(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            if time.monotonic() < self._down_until:
                time.sleep(0.01)
                continue
            if self._listener is None:
                try:
                    self._listen(self.port)
                except OSError as err:  # the port is briefly taken: try again
                    log.debug("re-listen on %d: %s", self.port, err)
                    time.sleep(0.02)
                    continue
            listener = self._listener
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._drop_client()  # a new connection replaces the old one, as a reopened port
            with self._lock:
                if time.monotonic() < self._down_until:
                    conn.close()
                    continue
                self._client = conn
                self.stats.connections += 1

    def _outage(self, seconds: float, why: str, direction: str) -> None:
        self._down_until = time.monotonic() + seconds
        self._record(direction, "outage", f"{seconds:.2f} s ({why})")
        self._drop_client()
        self._close_listener()

    # ---- faults -------------------------------------------------------------------------

    def _record(self, direction: str, kind: str, detail: str = "") -> None:
        with self._lock:
            self.stats.counts[kind] += 1
            self.stats.events.append(FaultEvent(time.monotonic(), direction, kind,
                                                self._dirs[direction].offset, detail))

    def _spoil(self, direction: str, data: bytes) -> bytes:
        """Drop and garble bytes of one chunk (before any delay or outage decision)."""
        plan = self.plan
        state = self._dirs[direction]
        hit = direction in plan.directions
        out = bytearray()
        for byte in data:
            state.offset += 1
            # Always draw both numbers, so a byte's fate does not depend on the rates of others.
            r_drop, r_garble, flip = state.rng.random(), state.rng.random(), state.rng.randrange(1, 256)
            r_outage, down = state.rng.random(), state.rng.uniform(*plan.outage_s)
            if r_outage < plan.outage:  # the link goes; this byte and the rest of the chunk with it
                self._outage(down, "random", direction)
                break
            if hit and r_drop < plan.drop:
                self._record(direction, "drop", f"{byte:#04x}")
                continue
            if hit and r_garble < plan.garble:
                self._record(direction, "garble", f"{byte:#04x}->{byte ^ flip:#04x}")
                byte ^= flip
            out.append(byte)
        self.stats.bytes[direction] += len(data)
        return bytes(out)

    def _delay(self, direction: str) -> None:
        """Maybe hold a chunk back before forwarding it (what follows queues behind)."""
        plan = self.plan
        state = self._dirs[direction]
        r_delay, length = state.chunk_rng.random(), state.chunk_rng.uniform(*plan.delay_s)
        if r_delay < plan.delay:
            self._record(direction, "delay", f"{length:.3f} s")
            self._stop.wait(length)

    # ---- pumps ----------------------------------------------------------------------------

    def _to_board_loop(self) -> None:
        while not self._stop.is_set():
            client = self._client
            if client is None:
                time.sleep(0.005)
                continue
            try:
                ready, _, _ = select.select([client], [], [], 0.05)
                if not ready:
                    continue
                data = client.recv(CHUNK)
            except (OSError, ValueError):
                self._forget(client)
                continue
            if not data:
                self._forget(client)
                continue
            self._delay("to_board")
            self._write_board(self._spoil("to_board", data))

    def _forget(self, client: socket.socket) -> None:
        with self._lock:
            if self._client is client:
                self._client = None
        client.close()

    def _write_board(self, data: bytes) -> None:
        """Paced like the raw REPL: within a burst, on an emulator's pipe or pty, wait until
        it took (and worked through) the last chunk. A lone write (a Ctrl-C to a busy
        program) goes at once."""
        pending = getattr(self.upstream, "tx_pending", None)
        for start in range(0, len(data), CHUNK):
            deadline = time.monotonic() + 0.5
            in_burst = time.monotonic() - self._last_write < BURST_S
            while in_burst and pending is not None and pending() and time.monotonic() < deadline:
                time.sleep(0.0002)
            try:
                self.upstream.write(data[start:start + CHUNK])
            except Exception as err:  # the board side is gone: the proxy's owner handles it
                log.warning("fault proxy: write to the board failed: %s", err)
                self._stop.wait(0.1)
                return
            self._last_write = time.monotonic()
            time.sleep(CHUNK_GAP_S)

    def _from_board_loop(self) -> None:
        while not self._stop.is_set():
            try:
                waiting = self.upstream.in_waiting
                data = self.upstream.read(waiting or 1)
            except Exception as err:
                log.warning("fault proxy: read from the board failed: %s", err)
                self._stop.wait(0.1)
                continue
            if not data:
                continue
            client = self._client
            if client is None:
                continue  # the link is down: what the board says now is lost
            self._delay("from_board")
            data = self._spoil("from_board", data)
            client = self._client  # a delay may have outlived the connection
            if client is None or not data:
                continue
            try:
                client.sendall(data)
            except OSError:
                self._forget(client)
