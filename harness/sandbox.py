"""Run a host program as a spec: own working directory, limits, output cap, timeout.

Used for CPython (reference and target) and for one-process-per-spec runs.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OUTPUT_CAP = 1 << 20  # bytes kept per stream; more is cut and marked
MEMORY_LIMIT = 2 << 30  # address space per spec process
TRUNCATED = "\n[... output truncated by the harness ...]\n"


@dataclass(frozen=True)
class ProcessResult:
    stdout: str
    stderr: str
    returncode: int | None
    duration_s: float
    timed_out: bool
    signal: int | None = None


def _limits(memory: int, cpu_seconds: int) -> None:
    os.setsid()  # own process group: a timeout kills the spec and its children
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _decode(data: bytes) -> str:
    text = data[:OUTPUT_CAP].decode("utf-8", errors="replace")
    return text + TRUNCATED if len(data) > OUTPUT_CAP else text


def run_process(
    argv: list[str],
    timeout: float,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    memory: int = MEMORY_LIMIT,
) -> ProcessResult:
    """Run ``argv`` with stdin closed, in a fresh temporary directory unless ``cwd`` is given."""
    with tempfile.TemporaryDirectory(prefix="harness-spec-") as scratch:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd or scratch,
            env=env,
            preexec_fn=lambda: _limits(memory, int(timeout) + 2),
        )
        timed_out = False
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(proc)
            out, err = proc.communicate()
        except BaseException:
            _kill_group(proc)
            proc.wait()
            raise
        duration = time.perf_counter() - started
    rc = proc.returncode
    return ProcessResult(
        stdout=_decode(out),
        stderr=_decode(err),
        returncode=None if timed_out else rc,
        duration_s=duration,
        timed_out=timed_out,
        signal=-rc if rc is not None and rc < 0 else None,
    )


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
