"""The MicroPython raw REPL over one byte stream.

The protocol, as the firmware speaks it:

- Ctrl-A at the friendly prompt enters the raw REPL: ``raw REPL; CTRL-B to exit\\r\\n>``.
- Code then Ctrl-D: the board answers ``OK``, runs the code, and sends its stdout,
  ``\\x04``, its stderr, ``\\x04``, and the raw prompt ``>``.
- Ctrl-D at an empty raw prompt soft-resets; the raw prompt comes back after it.
- Ctrl-C interrupts the running program (KeyboardInterrupt on stderr); Ctrl-B leaves.
- Raw-paste mode (newer firmware): Ctrl-E ``A`` Ctrl-A answers ``R\\x01`` and a
  16-bit window size; the host may send that many bytes, and one more window each
  time the board sends ``\\x01``; Ctrl-D ends the code, the board confirms with
  ``\\x04`` and runs it. Old firmware just prints the raw banner again (no support);
  ``R\\x00`` means supported but refused. Detected once per connection.
- Without raw paste, code is written in small paced chunks: the micro:bit firmware
  drops bytes written faster than its receive ring (64 bytes) drains. Where the stream
  can tell (an emulator behind ``HostPipe``), each chunk waits until the emulator has
  taken the previous one and gone idle; elsewhere chunks are spaced by time.

Every wait has a deadline, and every failure names the device.
"""

from __future__ import annotations

import logging
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass

import serial

from harness.transport.stream import ByteStream, LinkLost, TransportError

log = logging.getLogger("harness.transport")

CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E = b"\x01", b"\x02", b"\x03", b"\x04", b"\x05"
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
FRIENDLY_PROMPT = b">>> "
# What a board prints when it reboots under a running program.
RESET_MARKERS: tuple[bytes, ...] = (b'Type "help()" for more information.\r\n>>> ', RAW_BANNER)
RESET_QUIET_S = 0.3  # a reset marker followed by this much silence means the board rebooted

ENTER_TIMEOUT_S = 5.0
ENTER_RETRY_S = 1.0  # Ctrl-A is sent again after this, then after twice as long, ...
SHORT_TIMEOUT_S = 2.0
INTERRUPT_GRACE_S = 2.0
BUSY_WAIT_S = 1.0  # longest wait per chunk for an emulator to go idle
BUSY_TIMEOUTS_MAX = 4  # that many in a row: the emulator never idles, pace by time
# Emulator CPU time the micro:bit 1.9.2 firmware gets to empty its ring after a chunk was taken.
# Measured with programs of 1 KB: with no wait 3 of 100 arrived damaged; with 50 us none of 100
# on an idle host, but 5 of 200 under three busy loops on two cores; with 100 us none of 200
# under that load, and with 300 us none of 300 (38 ms per program when idle, 85 ms with 2 ms
# spacing in host time, whose margin a loaded host can still eat).
CHUNK_CPU_S = 300e-6


class ReplTimeout(TransportError):
    """An expected answer did not arrive before its deadline."""


class ReplProtocolError(TransportError):
    """The board answered something the protocol does not allow at this point."""


class ProgramStuck(ReplTimeout):
    """The program outran its timeout and did not stop on Ctrl-C."""


class BoardReset(TransportError):
    """The board rebooted while a program ran (reset, watchdog, hard fault)."""


@dataclass(frozen=True)
class ExecResult:
    """What one raw-REPL exec produced. Text has ``\\r\\n`` normalised to ``\\n``."""

    stdout: str
    stderr: str
    duration_s: float
    timed_out: bool = False


def to_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


class RawRepl:
    """Raw REPL session on one stream. Not thread-safe; one caller at a time."""

    def __init__(
        self,
        stream: ByteStream,
        device: str,
        *,
        chunk_size: int = 32,
        chunk_delay_s: float = 0.002,
        chunk_cpu_s: float = CHUNK_CPU_S,
        raw_paste: bool | None = None,
        interrupt_grace_s: float = INTERRUPT_GRACE_S,
    ):
        self.stream = stream
        self.device = device
        self.chunk_size = chunk_size
        self.chunk_delay_s = chunk_delay_s
        self.chunk_cpu_s = chunk_cpu_s
        self.raw_paste = raw_paste  # None: not yet detected
        self.interrupt_grace_s = interrupt_grace_s  # how long a Ctrl-C may take to work
        self.at_prompt = False  # True when the board waits at the raw prompt
        self._idle_gate = True  # pace by the emulator going idle, while that works
        self._busy_timeouts = 0  # consecutive chunks after which it stayed busy
        self._buf = bytearray()

    # ---- the stream -------------------------------------------------------------------

    def attach(self, stream: ByteStream, device: str | None = None) -> None:
        """Use a new stream (after reopening the port or restarting an emulator)."""
        self.stream = stream
        if device:
            self.device = device
        self.at_prompt = False
        self._idle_gate = True
        self._busy_timeouts = 0
        self._buf.clear()

    def _fail(self, message: str) -> str:
        return f"{self.device}: {message}"

    def _write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except serial.SerialTimeoutException as err:
            raise ReplTimeout(self._fail(f"write blocked ({err})")) from err
        except (serial.SerialException, OSError) as err:
            raise LinkLost(self._fail(f"write failed: {err}")) from err

    def _fill(self) -> int:
        """Read what is there (waiting at most the stream's poll time). Number of bytes read."""
        waiting = self._waiting()
        try:
            data = self.stream.read(waiting if waiting else 1)
        except (serial.SerialException, OSError) as err:
            raise LinkLost(self._fail(f"read failed: {err}")) from err
        self._buf += data
        return len(data)

    def _waiting(self) -> int:
        try:
            return self.stream.in_waiting
        except (serial.SerialException, OSError) as err:
            raise LinkLost(self._fail(f"read failed: {err}")) from err

    def take_pending(self) -> str:
        """Text received but not consumed (a program's output cut short by a fault)."""
        text = to_text(bytes(self._buf).split(CTRL_D)[0])
        self._buf.clear()
        return text

    def discard_input(self) -> bytes:
        """Drop whatever the board already sent; returns it (for logs)."""
        junk = bytes(self._buf)
        self._buf.clear()
        try:
            while waiting := self._waiting():
                junk += self.stream.read(waiting)
        except (serial.SerialException, OSError) as err:
            raise LinkLost(self._fail(f"read failed: {err}")) from err
        return junk

    def _drain_quiet(self, quiet_s: float, limit_s: float) -> bytes:
        """Read until the board has been silent for ``quiet_s`` (or ``limit_s`` passed),
        and drop it all; returns what was dropped."""
        self._drain_quiet_keep(quiet_s, limit_s)
        junk = bytes(self._buf)
        self._buf.clear()
        return junk

    def _drain_quiet_keep(self, quiet_s: float, limit_s: float) -> None:
        """Wait until the board has been silent for ``quiet_s``, keeping what it sent."""
        end = time.monotonic() + limit_s
        last = time.monotonic()
        while time.monotonic() < end and time.monotonic() - last < quiet_s:
            if self._fill():
                last = time.monotonic()

    def read_until(
        self,
        ending: bytes,
        timeout: float,
        what: str,
        reset_markers: Sequence[bytes] = (),
    ) -> bytes:
        """Bytes up to and excluding ``ending``; the rest stays buffered.

        Raises ReplTimeout naming ``what`` after ``timeout`` seconds, BoardReset when the
        data ends with a reset marker and then stays quiet.
        """
        deadline = time.monotonic() + timeout
        quiet_since: float | None = None
        scanned = 0
        while True:
            index = self._buf.find(ending, max(0, scanned - len(ending)))
            if index >= 0:
                data = bytes(self._buf[:index])
                del self._buf[: index + len(ending)]
                return data
            scanned = len(self._buf)
            now = time.monotonic()
            if reset_markers and self._buf.endswith(tuple(reset_markers)):
                quiet_since = quiet_since or now
                if now - quiet_since >= RESET_QUIET_S:
                    raise BoardReset(self._fail(f"board rebooted while waiting for {what}"))
            if now >= deadline:
                tail = bytes(self._buf[-80:])
                raise ReplTimeout(
                    self._fail(f"no {what} within {timeout:g} s (last bytes received: {tail!r})")
                )
            if self._fill():
                quiet_since = None

    # ---- prompts ----------------------------------------------------------------------

    def enter(self, timeout: float = ENTER_TIMEOUT_S) -> None:
        """Interrupt whatever runs and get to the raw prompt."""
        self.at_prompt = False
        self._write(b"\r" + CTRL_C + CTRL_C)
        self._drain_quiet(0.02, 0.3)
        deadline = time.monotonic() + timeout
        wait, sent = ENTER_RETRY_S, 0
        while True:
            self._write(b"\r" + CTRL_A)
            sent += 1
            try:
                self.read_until(RAW_BANNER, min(wait, max(0.05, deadline - time.monotonic())),
                                "raw REPL banner after Ctrl-A")
                break
            except ReplTimeout:
                if time.monotonic() >= deadline:
                    raise ReplTimeout(
                        self._fail(f"no raw REPL banner within {timeout:g} s of Ctrl-A")
                    ) from None
                wait *= 2
        if sent > 1:  # a slow board may still answer an earlier Ctrl-A: swallow that banner
            self._drain_quiet(0.1, 1.0)
        self.at_prompt = True
        log.debug("%s: at raw prompt", self.device)

    def leave(self, timeout: float = SHORT_TIMEOUT_S) -> None:
        """Back to the friendly REPL (Ctrl-B)."""
        self.at_prompt = False
        self._write(CTRL_B)
        self.read_until(FRIENDLY_PROMPT, timeout, "friendly prompt after Ctrl-B")

    def reenter(self, timeout: float = SHORT_TIMEOUT_S) -> None:
        """Ctrl-B then Ctrl-A at the raw prompt: a fresh raw REPL, globals kept. The firmware
        frees its input line buffer on Ctrl-B (it never shrinks otherwise): on a 9 KB heap
        that is room for the program to run."""
        self.at_prompt = False
        self._write(CTRL_B + CTRL_A)
        self.read_until(RAW_BANNER, timeout, "raw REPL banner after Ctrl-B Ctrl-A")
        self.at_prompt = True

    def interrupt(self, timeout: float = INTERRUPT_GRACE_S) -> None:
        """Ctrl-C a running program and wait for the raw prompt after its traceback."""
        self._write(CTRL_C)
        self.read_until(CTRL_D, timeout, "end of stdout after Ctrl-C")
        self.read_until(CTRL_D, timeout, "end of stderr after Ctrl-C")
        self.read_until(b">", timeout, "raw prompt after Ctrl-C")
        self.at_prompt = True

    def soft_reset(self, timeout: float = SHORT_TIMEOUT_S) -> bytes:
        """Ctrl-D at the raw prompt: a fresh interpreter, back at the raw prompt. Returns what
        the board said before the banner (``OK\r\nsoft reboot\r\n``, and anything late)."""
        if not self.at_prompt:
            self.enter()
        self.discard_input()
        self.at_prompt = False
        self._write(CTRL_D)
        said = self.read_until(RAW_BANNER, timeout, "raw REPL banner after soft reset")
        self.at_prompt = True
        return said

    # ---- sending code -----------------------------------------------------------------

    def read_until_count(self, count: int, timeout: float, what: str) -> bytes:
        deadline = time.monotonic() + timeout
        while len(self._buf) < count:
            if time.monotonic() >= deadline:
                raise ReplTimeout(self._fail(f"no {what} within {timeout:g} s "
                                             f"(got {bytes(self._buf)!r})"))
            self._fill()
        data = bytes(self._buf[:count])
        del self._buf[:count]
        return data

    def _wait_taken(self, deadline: float) -> bool:
        """On a stream that can tell (an emulator's pty), wait until the emulator has taken
        every byte written so far and gone idle again (its firmware waits for input, so
        its receive ring is empty). True when that was seen; False when the stream cannot
        tell, or the emulator stayed busy for ``BUSY_WAIT_S`` (then this link falls back to
        time pacing for good)."""
        backlog = getattr(self.stream, "tx_backlog", None)
        pending = getattr(self.stream, "tx_pending", None)
        if backlog is None or pending is None or not self._idle_gate:
            return False
        busy_until = time.monotonic() + BUSY_WAIT_S
        try:
            while pending():
                now = time.monotonic()
                if now > busy_until and not backlog():
                    self._busy_timeouts += 1
                    if self._busy_timeouts >= BUSY_TIMEOUTS_MAX:
                        log.info("%s: target never idle while taking input: time pacing",
                                 self.device)
                        self._idle_gate = False
                    return False
                if now > deadline:
                    raise ReplTimeout(self._fail("the target stopped taking input "
                                                 f"({backlog()} bytes not taken)"))
                time.sleep(0.0002)
        except (serial.SerialException, OSError) as err:
            raise LinkLost(self._fail(f"write failed: {err}")) from err
        self._busy_timeouts = 0
        return bool(getattr(self.stream, "peer_busy", None))

    def _write_paced(self, data: bytes, timeout: float = SHORT_TIMEOUT_S) -> None:
        """Write in chunks of ``chunk_size`` with ``chunk_delay_s`` between them (and, where
        the stream shows it, only once the previous chunk was taken)."""
        size = self.chunk_size
        if size <= 0:
            self._write(data)
            return
        for start in range(0, len(data), size):
            if start and not self._wait_taken(time.monotonic() + timeout):
                self._wait_drained(time.monotonic() + timeout)
            self._write(data[start : start + size])

    def _wait_drained(self, deadline: float) -> None:
        """Give the firmware time to empty its receive ring of the chunk it has taken: the
        emulator's own CPU time where the stream can tell (``peer_cpu_s``: on a loaded host
        a descheduled emulator gets none, and is waited for), else ``chunk_delay_s``."""
        clock = getattr(self.stream, "peer_cpu_s", None)
        if clock is None:
            time.sleep(self.chunk_delay_s)
            return
        try:
            goal = clock() + self.chunk_cpu_s
            while clock() < goal:
                if time.monotonic() > deadline:
                    raise ReplTimeout(self._fail("the emulator got no CPU time to take its input"))
                time.sleep(0.0001)
        except OSError:  # its process is gone (the next write says so), or cannot be read
            time.sleep(self.chunk_delay_s)

    def _request_raw_paste(self, timeout: float) -> bool:
        """Ask for raw-paste mode. True: the board now takes pasted code. False: it stays at
        the raw prompt (old firmware reprints the raw banner; ``R\\x00`` means refused)."""
        self._write(CTRL_E + b"A" + CTRL_A)
        head = self.read_until_count(2, timeout, "answer to the raw-paste request")
        while head[:1] == b"r":  # a raw banner: old firmware, or a late answer to Ctrl-A
            self.read_until(b"\r\n>", timeout, "raw REPL banner after the raw-paste request")
            self._drain_quiet_keep(0.03, 1.0)
            if len(self._buf) < 2:
                break
            head = self.read_until_count(2, timeout, "answer to the raw-paste request")
        if head == b"R\x01":
            supported = True
        elif head == b"R\x00":
            supported = False
        elif head[:1] == b"r":
            supported = False
        else:
            raise ReplProtocolError(self._fail(f"unexpected answer {head!r} to the raw-paste "
                                               "request"))
        if self.raw_paste is None:
            log.debug("%s: raw-paste mode %s", self.device, "yes" if supported else "no")
        self.raw_paste = supported
        return supported

    def _write_raw_paste(self, code: bytes, timeout: float) -> None:
        """Send ``code`` in raw-paste mode (already granted), within the board's windows."""
        window = struct.unpack("<H", self.read_until_count(2, timeout, "raw-paste window"))[0]
        remain = window
        sent = 0
        deadline = time.monotonic() + timeout
        while sent < len(code):
            while remain == 0 or self._buf or self._waiting():
                if not self._buf:
                    if time.monotonic() >= deadline:
                        raise ReplTimeout(self._fail(
                            f"raw-paste window not granted within {timeout:g} s "
                            f"({sent} of {len(code)} bytes sent)"))
                    self._fill()
                    continue
                flag = bytes(self._buf[:1])
                del self._buf[:1]
                if flag == b"\x01":
                    remain += window
                elif flag == CTRL_D:  # the board stops reading (e.g. compile error)
                    self._write(CTRL_D)
                    return
                else:
                    raise ReplProtocolError(self._fail(f"unexpected {flag!r} during raw paste"))
            piece = code[sent : sent + remain]
            self._write(piece)
            sent += len(piece)
            remain -= len(piece)
        self._write(CTRL_D)
        self.read_until(CTRL_D, timeout, "end-of-paste acknowledgement")

    def send(self, code: bytes, timeout: float = SHORT_TIMEOUT_S) -> None:
        """Put ``code`` into the board at the raw prompt and start it (output not read)."""
        if not self.at_prompt:
            self.enter()
        self.discard_input()
        code = code or b"\n"  # an empty buffer plus Ctrl-D would soft-reset instead
        self.at_prompt = False
        write_timeout = timeout + len(code) / 1000
        if self.raw_paste is not False and self._request_raw_paste(timeout):
            self._write_raw_paste(code, write_timeout)
            return
        self._write_paced(code)
        self._write(CTRL_D)
        # Nothing the program prints can come before OK; a late banner (answer to an
        # earlier Ctrl-A, handled before the code) may, and is skipped.
        junk = self.read_until(b"OK", write_timeout, "OK after the code")
        if junk:
            log.debug("%s: skipped %r before OK", self.device, junk)

    def exec(self, code: bytes | str, timeout: float) -> ExecResult:
        """Run ``code``; wait at most ``timeout`` s for it, then Ctrl-C it (timed_out=True).

        Raises BoardReset if the board rebooted under the code, ReplTimeout if it does not
        answer even to Ctrl-C, LinkLost if the stream broke.
        """
        if isinstance(code, str):
            code = code.encode("utf-8")
        start = time.monotonic()
        self.send(code)
        timed_out = False
        try:
            out = self.read_until(CTRL_D, timeout, "end of stdout", RESET_MARKERS)
        except ReplTimeout:
            timed_out = True
            log.info("%s: program still running after %g s: Ctrl-C", self.device, timeout)
            self._write(CTRL_C)
            try:
                out = self.read_until(CTRL_D, self.interrupt_grace_s, "end of stdout after Ctrl-C",
                                      RESET_MARKERS)
            except ReplTimeout as err:
                raise ProgramStuck(self._fail(
                    f"program ran past {timeout:g} s and ignored Ctrl-C for "
                    f"{self.interrupt_grace_s:g} s"
                )) from err
        duration = time.monotonic() - start
        err = self.read_until(CTRL_D, self.interrupt_grace_s, "end of stderr", RESET_MARKERS)
        self.read_until(b">", SHORT_TIMEOUT_S, "raw prompt after the program")
        self.at_prompt = True
        return ExecResult(to_text(out), to_text(err), duration, timed_out)

    def ping(self, timeout: float = 1.0) -> bool:
        """True if a tiny program runs at the raw prompt and answers as it should."""
        if not self.at_prompt:
            return False
        try:
            result = self.exec(b"print(6*7)", timeout)
        except TransportError:
            return False
        return result.stdout == "42\n" and not result.timed_out
