"""Run specs under CPython through a fork server: one start-up, a forked child per spec.

A fresh ``python -S spec.py`` costs 15-25 ms of interpreter start-up; a fork of a
warm, nearly empty interpreter costs about a millisecond. The child still runs
the spec as ``__main__`` with its own working directory, limits and hash seed 0.
"""

from __future__ import annotations

import marshal
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from harness.procgroup import kill_and_reap
from harness.sandbox import (
    MEMORY_LIMIT,
    TRUNCATED,
    Limits,
    ProcessResult,
    launcher_argv,
    private_dir,
    remove_tree,
)

CHILD_SCRIPT = Path(__file__).with_name("forkserver_child.py")


# Specs naming one of these modules go to a server that has imported it already (see
# forkserver_child.PRELOAD): the others fork from a lean server, cheaper to copy.
PRELOADED_FOR = {b"asyncio": ("asyncio",)}


class ForkServerDied(Exception):
    pass


class _ServerProcess:
    """One fork server process: its pipes, its folder (``root``) and its protocol."""

    def __init__(self, python: str, env: dict[str, str], root: str, preload: tuple[str, ...]):
        self.python = python
        self.env = env
        self.root = root
        self.preload = preload
        self.proc: subprocess.Popen | None = None
        self._buffer = b""

    def start(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        self._buffer = b""
        if os.path.exists(self.root):
            remove_tree(self.root)  # what a server that died left
        os.makedirs(self.root, mode=0o700)
        argv = launcher_argv(sys.executable, [self.root], Limits(memory=MEMORY_LIMIT),
                             [self.python, "-S", str(CHILD_SCRIPT), self.root, *self.preload])
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=self.env, start_new_session=True,
        )
        if self._receive(30.0) is None:
            self.stop()
            raise ForkServerDied(f"the CPython fork server ({self.python}) did not start")

    def stop(self) -> None:
        if self.proc is not None:
            kill_and_reap(self.proc)
            self.proc = None

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

    def run_once(self, path: Path, timeout: float, memory: int, source: bytes | None) -> ProcessResult:
        assert self.proc and self.proc.stdin
        request = marshal.dumps({"path": str(path), "timeout": timeout, "memory": memory,
                                 "source": source})
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


class ForkServer:
    """CPython fork servers for specs: a lean one, and one per group of preloaded modules,
    started when a spec first needs it. Each runs one spec at a time, in a fresh child."""

    def __init__(self, python: str, env: dict[str, str]):
        self.python = python
        self.env = env
        self.root: str | None = None  # the servers' folders (each spec's folder inside)
        self._servers: dict[tuple[str, ...], _ServerProcess] = {}

    def _server(self, preload: tuple[str, ...]) -> _ServerProcess:
        if self.root is None:
            self.root = private_dir("harness-fork-")  # tmpfs: specs' files never wait on a disk
        server = self._servers.get(preload)
        if server is None:
            name = "-".join(preload) or "lean"
            server = self._servers[preload] = _ServerProcess(
                self.python, self.env, os.path.join(self.root, name), preload)
        server.start()
        return server

    def start(self) -> None:
        """Start the lean server (the others start on first use)."""
        self._server(())

    def pids(self) -> list[int]:
        """The running server processes."""
        return [s.proc.pid for s in self._servers.values() if s.proc is not None and s.proc.poll() is None]

    def stop(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()
        if self.root is not None:
            remove_tree(self.root)
            self.root = None

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
        preload = next((mods for word, mods in PRELOADED_FOR.items() if source and word in source), ())
        for attempt in (1, 2):
            server = self._server(preload)
            try:
                return server.run_once(path, timeout, memory, source)
            except (ForkServerDied, BrokenPipeError, OSError):
                server.stop()  # the server itself died: start a new one and try once more
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def _text(data: bytes, cut: bool) -> str:
    text = data.decode("utf-8", errors="replace")
    return text + TRUNCATED if cut else text
