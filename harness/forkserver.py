"""Run specs under CPython through a fork server: one start-up, a forked child per spec.

A fresh ``python -S spec.py`` costs 15-25 ms of interpreter start-up; a fork of a
warm, nearly empty interpreter costs about a millisecond. The child still runs
the spec as ``__main__`` with its own working directory, limits and hash seed 0.
"""

from __future__ import annotations

import marshal
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness.procgroup import kill_and_reap
from harness.sandbox import MEMORY_LIMIT, TRUNCATED, Limits, ProcessResult, launcher_argv, private_dir

CHILD_SCRIPT = Path(__file__).with_name("forkserver_child.py")


class ForkServerDied(Exception):
    pass


class ForkServer:
    def __init__(self, python: str, env: dict[str, str]):
        self.python = python
        self.env = env
        self.proc: subprocess.Popen | None = None
        self._buffer = b""
        self.root: str | None = None  # the server's writable directory: specs' folders inside

    def start(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        self._buffer = b""
        self.root = private_dir("harness-fork-")  # tmpfs: specs' files never wait on a disk
        argv = launcher_argv(sys.executable, [self.root], Limits(memory=MEMORY_LIMIT),
                             [self.python, "-S", str(CHILD_SCRIPT)])
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=self.env, start_new_session=True,
        )
        if self._receive(30.0) is None:
            self.stop()
            raise ForkServerDied(f"the CPython fork server ({self.python}) did not start")

    def stop(self) -> None:
        if self.proc is None:
            return
        kill_and_reap(self.proc)
        self.proc = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def _receive(self, timeout: float) -> dict | None:
        assert self.proc and self.proc.stdout
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while True:
            if len(self._buffer) >= 4:
                size = int.from_bytes(self._buffer[:4], "little")
                if len(self._buffer) >= 4 + size:
                    payload, self._buffer = self._buffer[4:4 + size], self._buffer[4 + size:]
                    return marshal.loads(payload)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise ForkServerDied("the CPython fork server exited")
            self._buffer += chunk

    def run(self, path: Path, timeout: float, memory: int = MEMORY_LIMIT,
            source: bytes | None = None) -> ProcessResult:
        """Run one program file as ``__main__`` in a forked child.

        ``source`` is the file's content (read here when not given): the child compiles it
        instead of reading the file inside the timed run, where a page the host paged out
        would be read from a busy disk.
        """
        if source is None:
            try:
                source = path.read_bytes()
            except OSError:
                pass  # the child fails to read it too, and reports it as CPython would
        for attempt in (1, 2):
            self.start()
            try:
                return self._run_once(path, timeout, memory, source)
            except (ForkServerDied, BrokenPipeError, OSError):
                self.stop()  # the server itself died: start a new one and try once more
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _run_once(self, path: Path, timeout: float, memory: int, source: bytes | None) -> ProcessResult:
        assert self.proc and self.proc.stdin
        with tempfile.TemporaryDirectory(prefix="spec-", dir=self.root) as scratch:
            request = marshal.dumps({"path": str(path), "cwd": scratch, "timeout": timeout,
                                     "memory": memory, "source": source})
            started = time.perf_counter()
            self.proc.stdin.write(len(request).to_bytes(4, "little") + request)
            self.proc.stdin.flush()
            hello = self._receive(10.0)
            if hello is None:
                raise ForkServerDied("the CPython fork server did not fork")
            child = hello["pid"]
            reply = self._receive(timeout)
            timed_out = reply is None
            if timed_out:
                try:
                    os.killpg(child, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                reply = self._receive(10.0)
                if reply is None:
                    raise ForkServerDied("the CPython fork server hung after a timeout")
            duration = time.perf_counter() - started
        status = reply["status"]
        signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -(signum or 0)
        return ProcessResult(
            stdout=_text(reply["stdout"], reply["stdout_cut"]),
            stderr=_text(reply["stderr"], reply["stderr_cut"]),
            returncode=None if timed_out else code,
            duration_s=duration,
            timed_out=timed_out,
            signal=None if timed_out else signum,
            output_capped=bool(reply.get("capped")),
        )


def _text(data: bytes, cut: bool) -> str:
    text = data.decode("utf-8", errors="replace")
    return text + TRUNCATED if cut else text
