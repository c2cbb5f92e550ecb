"""What every target reached through the raw REPL shares: running a spec, recovery, probes.

A subclass says how to open the link (a board's port, an emulator's pty), how to
hard-reset the target and reopen the port, and whether its process has died; this
class turns raw-REPL events into Outcomes:

- the program ended: stdout, stderr, exception, exit code;
- it outran the spec's timeout: Ctrl-C, recover, ``timed_out``;
- the board rebooted under it, or the emulator died: ``crashed``, and the target is
  brought back for the next spec;
- the link failed and the recovery ladder could not bring it back: ``link_failed``.

A spec goes over the link with its comments blanked (``without_comments``): the same
program on the same lines, in about a third fewer bytes (the suite's headers are
comments), which is a third less time on a UART and less of a small board's heap.
"""

from __future__ import annotations

import abc
import functools
import io
import logging
import re
import time
import tokenize
from typing import Any

import serial

from harness.firmware.mpy import mpy_unavailable, run_as_mpy, sys_mpy
from harness.records import Identity, Outcome, Spec
from harness.targets.base import (
    FEATURE_PROBES,
    PROBE_MODULES,
    Capabilities,
    Target,
    TargetConfig,
    exception_name,
)
from harness.transport.integrity import check_answer, check_sync, verified_exec
from harness.transport.rawrepl import CHUNK_CPU_S, BoardReset, ProgramStuck, RawRepl
from harness.transport.recovery import RecoveryFailed, recover
from harness.transport.stream import ByteStream, TransportError

log = logging.getLogger("harness.targets")

# One exec, small enough for the micro:bit's few KB of free heap.
IDENTITY_CODE = (
    "import sys\n"
    "print(sys.implementation)\n"
    "print(sys.platform)\n"
    "try:\n"
    " import os;print(os.uname())\n"
    "except:print()\n"
    "try:\n"
    " import gc;gc.collect();print(gc.mem_free())\n"
    "except:print()\n"
)
PROBE_CODE = (
    "for m in '{names}'.split():\n"
    " try:__import__(m);print(m)\n"
    " except ImportError:pass\n"
)
PROBE_BATCH = 48  # module names per probe exec; halved while the heap is too small
PROBE_TIMEOUT_S = 10.0

_BARE_EXCEPTION = re.compile(r"^([A-Za-z_]\w*(?:Error|Exception|Interrupt|Exit))(?::|$)")
_FIELD = re.compile(r"(\w+)=('(?:[^'\\]|\\.)*'|\([^)]*\)|[^,)]+)")


def exception_from_stderr(stderr: str) -> str | None:
    """The uncaught exception's type name, also for MicroPython's traceback-less errors
    (``MemoryError: memory allocation failed`` while compiling a too-big program)."""
    name = exception_name(stderr)
    if name:
        return name
    for line in stderr.strip().splitlines()[:1]:
        match = _BARE_EXCEPTION.match(line.strip())
        if match:
            return match.group(1)
    return None


def parse_fields(text: str) -> dict[str, str]:
    """``(name='micropython', version=(1, 9, 2))`` -> ``{'name': 'micropython', ...}``."""
    fields: dict[str, str] = {}
    for key, value in _FIELD.findall(text):
        if value.startswith("'") and value.endswith("'"):
            value = value[1:-1]
        fields[key] = value.strip()
    return fields


def implementation_text(fields: dict[str, str]) -> str:
    """``micropython 1.9.2`` from the fields of ``sys.implementation``."""
    parts = [p.strip() for p in fields.get("version", "").strip("()").split(",")]
    numbers = [p for p in parts[:3] if p.isdigit()]
    return " ".join(filter(None, [fields.get("name", "micropython"), ".".join(numbers)]))


@functools.lru_cache(maxsize=4096)
def without_comments(source: bytes) -> bytes:
    """``source`` with every comment removed and each line kept where it was (line numbers
    in tracebacks stay right). Found by Python's tokenizer, so a ``#`` in a string stays;
    a source it cannot read is returned as it is."""
    try:
        text = source.decode("utf-8")
        cuts = {tok.start[0] - 1: tok.start[1]
                for tok in tokenize.generate_tokens(io.StringIO(text).readline)
                if tok.type == tokenize.COMMENT}
    except (UnicodeDecodeError, tokenize.TokenError, SyntaxError):
        return source
    if not cuts:
        return source
    lines = text.splitlines(keepends=True)
    for row, column in cuts.items():
        line = lines[row]
        ending = line[len(line.rstrip("\r\n")):]
        lines[row] = line[:column].rstrip() + ending
    return "".join(lines).encode("utf-8")


class ReplTarget(Target):
    """A target whose specs run through the MicroPython raw REPL on a byte stream."""

    # How a target comes back to a clean state between specs: "soft", "restart", "none".
    default_reset = "soft"
    # Links that can drop or garble bytes: verified exchanges, answers confirmed by
    # repetition (harness.transport.integrity).
    default_integrity = False

    def __init__(self, config: TargetConfig):
        super().__init__(config)
        self.reset_method = str(self.options.get("reset", self.default_reset))
        self.integrity = bool(self.options.get("integrity", self.default_integrity))
        self.chunk_size = int(self.options.get("chunk_size", 32))
        self.chunk_delay_s = float(self.options.get("chunk_delay_ms", 2.0)) / 1000
        self.chunk_cpu_s = float(self.options.get("chunk_cpu_us", CHUNK_CPU_S * 1e6)) / 1e6
        self._repl: RawRepl | None = None
        self._dirty = True  # a spec (or probe) ran since the last reset
        self._identity: Identity | None = None
        self._capabilities: Capabilities | None = None
        self.restarts = 0  # hard resets and emulator restarts, for evidence

    # ---- what a subclass provides -------------------------------------------------------

    @abc.abstractmethod
    def _connect(self) -> tuple[ByteStream, str]:
        """Open the link (booting an emulator if there is one): the stream and a device name
        for messages. The board may be anywhere: the caller enters the raw REPL."""

    @abc.abstractmethod
    def _disconnect(self) -> None:
        """Close the stream and end any process of the target. Safe to call twice."""

    def _hard_reset(self) -> None:
        """Reboot the target and leave it at the raw prompt. Default: not available."""
        raise TransportError(f"{self.name}: no hard reset for this target")

    def _reopen(self) -> None:
        """Close and reopen the port, then enter the raw REPL."""
        assert self._repl is not None
        try:
            self._repl.stream.close()
        except (serial.SerialException, OSError):
            pass
        stream, device = self._connect()
        self._repl.attach(stream, device)
        self._repl.enter()

    def _death(self, grace_s: float = 0.0) -> str | None:
        """If the target's process died (waiting up to ``grace_s`` for it to end): how,
        e.g. "QEMU killed by SIGKILL". None when there is no process or it lives."""
        return None

    def _firmware_identity(self) -> str:
        return ""

    def _identity_extra(self) -> dict[str, Any]:
        return {}

    # ---- life cycle -------------------------------------------------------------------

    @property
    def repl(self) -> RawRepl:
        if self._repl is None:
            self.start()
        assert self._repl is not None
        return self._repl

    def start(self) -> None:
        if self._repl is not None:
            return
        stream, device = self._connect()
        self._repl = RawRepl(stream, device, chunk_size=self.chunk_size,
                             chunk_delay_s=self.chunk_delay_s, chunk_cpu_s=self.chunk_cpu_s,
                             raw_paste=self.options.get("raw_paste"))
        try:
            self._repl.enter()
        except TransportError:
            self.stop()
            raise
        self._after_connect()

    def _after_connect(self) -> None:
        """Hook after the first raw prompt (e.g. firmware checks)."""

    def stop(self) -> None:
        self._repl = None
        self._disconnect()

    def reset(self) -> bytes | None:
        """Bring the target to a clean interpreter (the rig's reset method). A soft reset
        returns what the board said before its banner (the integrity check reads it)."""
        if self.reset_method == "none":
            return None
        said = None
        if self.reset_method in ("restart", "machine"):
            self._hard_reset()
            self.restarts += 1
        else:
            said = self.repl.soft_reset()
        self._dirty = False
        return said

    # ---- running ------------------------------------------------------------------------

    def _recover(self, why: str, start_at: str | None = None) -> list[str]:
        """Climb the ladder; RecoveryFailed when nothing helped."""
        death = self._death()
        if death:
            why = f"{why} ({death})"
            start_at = "hard reset"
        steps = recover(self.repl, self._hard_reset, self._reopen, why=why, start_at=start_at)
        if any(step.startswith(("hard reset: ok", "reopen port: ok")) for step in steps):
            self.restarts += 1
        self._dirty = True
        return steps

    def _prepare(self) -> list[str]:
        """Clean state before a spec; returns recovery steps if any were needed."""
        if not self._dirty:
            return []
        try:
            self.reset()
            return []
        except TransportError as err:
            start_at = "re-enter raw REPL" if self.integrity else None  # nothing runs to Ctrl-C
            return self._recover(f"reset before the spec failed: {err}", start_at=start_at)

    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        if mode == "mpy":
            try:
                target_mpy = self._sys_mpy()
            except TransportError as err:
                return Outcome(link_failed=True, detail=str(err))
            return run_as_mpy(spec, target_mpy, self.run_code)
        if mode != "bytecode":
            return Outcome(unsupported=f"mode {mode!r} is not available through the raw REPL")
        try:
            return self.run_code(without_comments(spec.source), spec.timeout)
        except OSError as err:
            return Outcome(link_failed=True, detail=f"{self.name}: cannot read the spec: {err}")

    def run_code(self, code: bytes | str, timeout: float) -> Outcome:
        """Run one program on a clean interpreter; never raises for target or link faults."""
        steps: list[str] = []
        try:
            self.start()
            steps += self._prepare()
        except (TransportError, RecoveryFailed) as err:
            return Outcome(link_failed=True, detail=f"{self.name}: {err}")
        repl = self.repl
        self._dirty = True
        started = time.monotonic()
        try:
            if self.integrity:  # a lossy link: harness.transport.integrity
                result = verified_exec(repl, code, timeout)
                check_answer(result.stderr, exception_from_stderr(result.stderr))
                check_sync(repl, self.reset)
            else:
                result = repl.exec(code, timeout)
        except BoardReset as err:
            return self._after_fault(started, crashed=True, why=str(err), steps=steps,
                                     start_at="re-enter raw REPL")
        except ProgramStuck as err:
            # Ctrl-C did not stop it: the gentle rungs all rely on Ctrl-C, so start harder.
            return self._after_fault(started, timed_out=True, why=str(err), steps=steps,
                                     start_at="hard reset")
        except TransportError as err:
            death = self._death(grace_s=0.5)
            if death:
                return self._after_fault(started, crashed=True, why=f"{err}; {death}", steps=steps)
            # On a lossy link the program has ended (or never started) when the framing fails:
            # Ctrl-C would only wait; leaving and re-entering the raw REPL resyncs at once.
            start_at = "re-enter raw REPL" if self.integrity else None
            return self._after_fault(started, link_failed=True, why=str(err), steps=steps,
                                     start_at=start_at)
        exception = exception_from_stderr(result.stderr)
        detail = "; ".join(steps)
        if result.timed_out:
            detail = "; ".join(filter(None, [detail, f"interrupted after {timeout:g} s"]))
        return Outcome(
            stdout=result.stdout,
            stderr=result.stderr,
            exit_code=1 if exception else 0,
            exception=exception,
            duration_s=result.duration_s,
            timed_out=result.timed_out,
            detail=detail,
        )

    def _after_fault(self, started: float, *, why: str, steps: list[str], crashed: bool = False,
                     timed_out: bool = False, link_failed: bool = False,
                     start_at: str | None = None) -> Outcome:
        duration = time.monotonic() - started
        log.warning("%s: %s", self.name, why)
        partial = self.repl.take_pending()  # what the program printed before the fault
        try:
            steps = steps + self._recover(why, start_at=start_at)
        except RecoveryFailed as err:
            self.stop()  # the next spec starts from scratch
            return Outcome(stdout=partial, duration_s=duration, crashed=crashed,
                           timed_out=timed_out, link_failed=True, detail=f"{why}; {err}")
        return Outcome(stdout=partial, duration_s=duration, crashed=crashed,
                       timed_out=timed_out, link_failed=link_failed,
                       detail=f"{why}; recovery: " + "; ".join(steps))

    # ---- what it is -----------------------------------------------------------------------

    def _exec_probe(self, code: str) -> Outcome:
        outcome = self.run_code(code, PROBE_TIMEOUT_S)
        if outcome.link_failed or outcome.timed_out or outcome.crashed:
            raise TransportError(f"{self.name}: probe failed: {outcome.detail}")
        return outcome

    def _sys_mpy(self) -> int | None:
        """``sys.implementation._mpy`` from the identity probe (None: the firmware has none)."""
        return sys_mpy(str(self.identity().extra.get("sys.implementation", "")))

    def identity(self) -> Identity:
        if self._identity is None:
            out = self._exec_probe(IDENTITY_CODE)
            lines = out.stdout.splitlines() + ["", "", "", ""]
            impl = parse_fields(lines[0])
            uname = parse_fields(lines[2])
            extra: dict[str, Any] = {"sys.implementation": lines[0], "sys.platform": lines[1]}
            if uname:
                extra["os.uname"] = uname
            if lines[3].strip().isdigit():
                extra["mem_free"] = int(lines[3])
            extra.update(self._identity_extra())
            self._identity = Identity(
                target=self.name,
                kind=self.kind,
                implementation=implementation_text(impl),
                version=uname.get("version", ""),
                machine=uname.get("machine", "") or impl.get("_machine", "") or lines[1],
                firmware=self._firmware_identity(),
                extra=extra,
            )
        return self._identity

    def capabilities(self) -> Capabilities:
        if self._capabilities is None:
            found: set[str] = set()
            names = list(PROBE_MODULES)
            batch = PROBE_BATCH
            while names:
                chunk = names[:batch]
                out = self._exec_probe(PROBE_CODE.format(names=" ".join(chunk)))
                if out.exception == "MemoryError" and batch > 1:
                    batch = max(1, batch // 2)
                    continue
                if out.exception:
                    raise TransportError(f"{self.name}: module probe failed: {out.stderr.strip()}")
                found.update(line.strip() for line in out.stdout.splitlines())
                names = names[len(chunk):]
            # Emitters are build options, not modules: compile and run a tiny program each.
            for feature, code in FEATURE_PROBES.items():
                if not self._exec_probe(code).exception:
                    found.add(feature)
            extra: dict[str, Any] = {}
            mem = self.identity().extra.get("mem_free")
            if mem is not None:
                extra["mem_free"] = mem
            max_source = self.options.get("max_source_bytes")
            mpy = () if mpy_unavailable(self._sys_mpy()) else ("mpy",)
            self._capabilities = Capabilities(
                modules=frozenset(found & (set(PROBE_MODULES) | set(FEATURE_PROBES))),
                modes=("bytecode", *mpy),
                max_source_bytes=int(max_source) if max_source else None,
                extra=extra,
            )
        return self._capabilities
