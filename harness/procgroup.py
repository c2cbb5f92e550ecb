"""Ending a worker process that leads its own process group (start_new_session=True)."""

from __future__ import annotations

import os
import signal
import subprocess


def kill_and_reap(proc: subprocess.Popen) -> None:
    """SIGKILL the worker's whole group (a spec's children die too), reap it, close its pipes."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
