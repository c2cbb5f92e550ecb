"""One spec run as the audit needs it: the target's own run plus the evidence around it.

``AuditTarget`` wraps a started target for the Session, so every run is judged and stored
like any other; what it adds goes into ``Outcome.measurements["audit"]``:

- instruction count and virtual time between the spec's first and last statement
  (``icount``), when the emulator runs the audit's plugin;
- memory after the spec, from a second program run right after it without a reset
  (raw-REPL targets) or appended to it (the PC port): heap in use with the spec's garbage,
  after a collection, free, the largest free block and the stack limit
  (``micropython.mem_info``);
- whether the spec locks the heap, and whether the heap was still locked when it ended
  with MemoryError: allocation under the lock;
- for ``restart: boot`` targets, the run itself is a cold boot with the spec as the
  firmware's boot script (``bootscript``).

Run modes carry the repetition (``bytecode#r007``) so each repetition is its own stored
result; the target sees the plain mode.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from harness.audit.bootscript import BootRunner
from harness.audit.icount import MARKER_ADDRESS, MarkLog, marker_code, region
from harness.audit.profile import ProfileTarget
from harness.records import Identity, Outcome, Spec
from harness.targets.base import Capabilities, Target
from harness.targets.repl import ReplTarget
from harness.transport.stream import TransportError

log = logging.getLogger("harness.audit")

REPEAT_SEP = "#r"
EPILOGUE_MARK = "@audit-epilogue"
EPILOGUE_TIMEOUT_S = 10.0
# Run right after the spec, in the same interpreter: small enough for a 9 KB heap.
REPL_EPILOGUE = (
    "import gc,micropython\n"
    "_a=gc.mem_alloc()\n"
    "gc.collect()\n"
    "print('@e',_a,gc.mem_alloc(),gc.mem_free(),16)\n"
    "micropython.mem_info()\n"
)
# Appended to the spec on targets that run a file in a fresh process (the PC port).
PROCESS_EPILOGUE = (
    "\ntry:\n"
    "    import gc as _g, micropython as _m, sys as _s\n"
    "    _a = _g.mem_alloc()\n"
    "    _g.collect()\n"
    f"    print({EPILOGUE_MARK!r})\n"
    "    print('@e', _a, _g.mem_alloc(), _g.mem_free(), 32 if _s.maxsize > 2 ** 32 else 16)\n"
    "    _m.mem_info()\n"
    "except Exception:\n"
    "    pass\n"
)
_E_LINE = re.compile(r"^@e (\d+) (\d+) (\d+) (\d+)$", re.M)
_STACK = re.compile(r"^stack: (\d+) out of (\d+)", re.M)
_GC = re.compile(r"GC: total: (\d+), used: (\d+), free: (\d+)")
_MAX_FREE = re.compile(r"max free sz: (\d+)")
HEAP_LOCKED_TEXT = "heap is locked"


def repeat_mode(mode: str, repeat: int) -> str:
    return f"{mode}{REPEAT_SEP}{repeat:03d}"


def split_mode(mode: str) -> tuple[str, int | None]:
    base, sep, number = mode.partition(REPEAT_SEP)
    return base, (int(number) if sep and number.isdigit() else None)


def parse_memory(text: str) -> dict[str, int] | None:
    """Memory evidence from the epilogue's output, None when it did not run."""
    found = _E_LINE.search(text)
    if not found:
        return None
    used_end, used_after, free_after, block = (int(g) for g in found.groups())
    memory = {"used_end": used_end, "used_after_gc": used_after, "free_after_gc": free_after,
              "block_bytes": block}
    gc_line = _GC.search(text)
    if gc_line:
        memory["total"] = int(gc_line.group(1))
    biggest = _MAX_FREE.search(text)
    if biggest:
        memory["largest_free"] = int(biggest.group(1)) * block
    stack = _STACK.search(text)
    if stack:
        memory["stack_limit"] = int(stack.group(2))
    return memory


def uses_heap_lock(source: bytes) -> bool:
    return b"heap_lock(" in source


class AuditTarget(Target):
    """A started target of the Session, run the audit's way (see the module docstring)."""

    def __init__(self, inner: Target, plan: ProfileTarget, workdir: Path, plugin: Path | None,
                 boot: BootRunner | None = None):
        super().__init__(inner.config)
        self.inner = inner
        self.plan = plan
        self.workdir = workdir
        self.marker = MARKER_ADDRESS.get(inner.kind) if plugin is not None else None
        self.marks = MarkLog(workdir / f"{plan.name}.log")
        self.boot = boot
        self.restarts = 0
        self._fresh = True  # the next run is the first since the target started

    # ---- the Target interface, delegated -------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # What the session and the bench look for on a target (gpio, integrity, firmware...).
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def start(self) -> None:
        self.inner.start()

    def stop(self) -> None:
        self.inner.stop()

    def identity(self) -> Identity:
        return self.inner.identity()

    def capabilities(self) -> Capabilities:
        return self.inner.capabilities()

    def reset(self) -> None:
        self.inner.reset()

    def restart(self) -> None:
        """A full restart: a cold emulator (or a fresh worker) for what follows."""
        self.inner.stop()
        self.restarts += 1
        if isinstance(self.inner, ReplTarget):
            self.inner.start()  # boots and enters the raw REPL; what the boot logged is skipped
        self._follow_log()
        self.marks.skip()
        self._fresh = True

    # ---- running ----------------------------------------------------------------------

    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        base, _ = split_mode(mode)
        source = spec.source
        evidence: dict[str, Any] = {"restart": self.plan.restart, "heap_lock_used": uses_heap_lock(source)}
        if self.plan.restart == "run" and self.boot is None:
            self.restart()
        # The first run after a start finds the firmware cold (first use of its code paths).
        evidence["first_after_start"] = self._fresh or self.boot is not None
        self._fresh = False
        if self.boot is not None:
            outcome = self._run_boot(spec, source, evidence)
        elif isinstance(self.inner, ReplTarget):
            outcome = self._run_repl(spec, base, source, evidence)
        else:
            outcome = self._run_process(spec, base, source, evidence)
        if evidence["heap_lock_used"] and (HEAP_LOCKED_TEXT in outcome.stderr
                                           or (outcome.exception == "MemoryError"
                                               and evidence.get("heap_locked_after"))):
            evidence["allocated_under_lock"] = True
        return replace(outcome, measurements={**outcome.measurements, "audit": evidence})

    def _with_markers(self, source: bytes) -> bytes:
        if self.marker is None:
            return source
        prologue, epilogue = marker_code(self.marker)
        return prologue.encode() + source + epilogue.encode()

    def _follow_log(self) -> None:
        gpio = getattr(self.inner, "gpio", None)  # the virtual scope's plugin owns the -D log then
        if gpio is not None and gpio.log_path is not None:
            self.marks.move_to(Path(gpio.log_path))

    def _instructions(self, evidence: dict[str, Any], marks: MarkLog | None = None) -> None:
        if self.marker is None:
            return
        if marks is None:
            self._follow_log()
        found = region((marks or self.marks).take())
        evidence["method_instructions"] = "QEMU TCG plugin, marker stores around the spec"
        if found is None:
            evidence["instructions_missing"] = "the spec did not reach its last line"
            return
        evidence["instructions"] = found.instructions
        evidence["virtual_ns"] = found.virtual_ns
        evidence["marks"] = found.marks

    def _run_repl(self, spec: Spec, mode: str, source: bytes, evidence: dict[str, Any]) -> Outcome:
        inner = self.inner
        assert isinstance(inner, ReplTarget)
        if mode != "bytecode":
            return inner.run(spec, mode)
        evidence["method"] = "raw REPL, " + ("cold emulator start" if self.plan.restart == "run"
                                             else f"{inner.reset_method} reset before the run")
        self._follow_log()
        self.marks.skip()
        outcome = inner.run_code(self._with_markers(source), spec.timeout)
        self._instructions(evidence)
        if outcome.link_failed or outcome.timed_out or outcome.crashed:
            return outcome
        try:  # same interpreter, no reset: the heap as the spec left it
            after = inner.repl.exec(REPL_EPILOGUE, EPILOGUE_TIMEOUT_S)
        except TransportError as err:
            evidence["memory_missing"] = f"the memory probe failed: {err}"
            return outcome
        memory = parse_memory(after.stdout)
        if memory is not None:
            evidence["memory"] = memory
        elif "MemoryError" in after.stderr:
            evidence["heap_locked_after"] = True
            evidence["memory_missing"] = ("a program run right after the spec could not allocate: "
                                          "the heap was still locked (or full)")
        else:
            evidence["memory_missing"] = (after.stderr.strip() or after.stdout.strip())[-200:]
        return outcome

    def _run_process(self, spec: Spec, mode: str, source: bytes, evidence: dict[str, Any]) -> Outcome:
        evidence["method"] = "fresh interpreter per run"
        caps = self.inner.capabilities()
        if caps.lacks("micropython") or caps.lacks("gc"):
            return self.inner.run(spec, mode)
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=self.workdir))
        try:
            wrapped = folder / spec.path.name
            wrapped.write_bytes(source + PROCESS_EPILOGUE.encode())
            outcome = self.inner.run(replace(spec, path=wrapped), mode)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        head, sep, tail = outcome.stdout.rpartition(EPILOGUE_MARK + "\n")
        if sep:
            memory = parse_memory(tail)
            if memory is not None:
                evidence["memory"] = memory
            outcome = replace(outcome, stdout=head)
        else:
            evidence["memory_missing"] = "the spec did not reach its end"
        return outcome

    def _run_boot(self, spec: Spec, source: bytes, evidence: dict[str, Any]) -> Outcome:
        assert self.boot is not None
        evidence["method"] = "cold boot, the spec as the firmware's boot script"
        logfile = self.workdir / f"{self.plan.name}-boot.log"
        logfile.unlink(missing_ok=True)
        run = self.boot.run(self._with_markers(source), spec.timeout,
                            logfile if self.marker is not None else None)
        self._instructions(evidence, MarkLog(logfile))  # a new log per boot
        evidence["memory_missing"] = "not probed in boot runs (the spec's own @measure lines are)"
        if run.heap_locked_after is not None:
            evidence["heap_locked_after"] = run.heap_locked_after
        return run.outcome
