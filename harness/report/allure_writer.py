"""Allure result files written by a process of their own, while the run's process renders the rest.

``harness run`` starts this process when it has collected its items, hands it each item's
row as the item finishes, and at the end the rows no item gave (a resumed run's, every row
when xdist workers ran the items); the files (three or four per item) are written on the
other core while the run goes on. Written by a thread of the run's process instead, the two
took turns on the interpreter lock: the run's own thread slowed by a third. And creating a
new file can cost 0.2 ms of the kernel's time on these machines' journal-less ext4 (it scans
past every inode freed in the last minutes).

Protocol: ``python -m harness.report.allure_writer FOLDER [--clean] [--plots DIR ...]``
says ``ready`` on stdout once the folder is set up, reads ``marshal``-ed lists of rows from
stdin, each framed by a 4-byte length, writes them with ``harness.report.allure.ResultWriter``,
and exits 0 at the end of its input; a failure is one line on stderr and exit status 1. It
ignores SIGINT: a Ctrl-C of the run must not lose the files of the results the run already has.
"""

from __future__ import annotations

import argparse
import json
import marshal
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from harness.errors import HarnessError

CHUNK = 50  # rows per message
FINISH_TIMEOUT_S = 600.0
FEED_EVERY_S = 0.5  # how often an xdist controller looks for rows its workers stored


class AllureWriterProcess:
    """The run's side: start the writer early, send it rows, wait for it at the end."""

    def __init__(self, folder: Path, plot_folders: list[Path], clean: bool = True):
        self.folder = Path(folder)
        argv = [sys.executable, "-m", "harness.report.allure_writer", str(self.folder)]
        if clean:
            argv.append("--clean")
        for plots in plot_folders:
            argv += ["--plots", str(plots)]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, start_new_session=True)
        self._ready = False
        self._sent: set[tuple[str, str, str]] = set()
        self._pending: list[dict[str, Any]] = []
        self._broken = False

    def wait_ready(self, timeout: float = FINISH_TIMEOUT_S) -> None:
        """Wait until the writer has set the folder up (``--clean``: the last run's files put
        aside), so that files written there now stay. A writer that failed says why at finish."""
        assert self.proc.stdout is not None
        if self._ready:
            return
        self._ready = True
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if ready:
            self.proc.stdout.readline()  # "ready", or nothing from a writer that failed

    def add(self, row: dict[str, Any]) -> None:
        """Queue one row (a row of an item already given is skipped); sent in batches."""
        key = (row["spec_id"], row["target"], row["mode"])
        if key not in self._sent:
            self._sent.add(key)
            self._pending.append(row)
            if len(self._pending) >= CHUNK:
                self._send_pending()

    def send(self, rows: Iterable[dict[str, Any]]) -> None:
        """Queue rows and send everything queued now."""
        for row in rows:
            self.add(row)
        self._send_pending()

    def _send_pending(self) -> None:
        assert self.proc.stdin is not None
        batch, self._pending = self._pending, []
        if not batch or self._broken:
            return
        try:
            payload = marshal.dumps(batch)
        except ValueError:  # a measurement of a type marshal does not know: as the store keeps it
            payload = marshal.dumps(json.loads(json.dumps(batch, default=str)))
        try:
            self.proc.stdin.write(len(payload).to_bytes(4, "little") + payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self._broken = True  # the writer failed: finish() says why

    def finish(self, timeout: float = FINISH_TIMEOUT_S) -> None:
        """Wait for every file; raise HarnessError naming the folder when the writer failed."""
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self._send_pending()
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            self._broken = True
        try:
            self.proc.wait(timeout)
            if self.proc.stdout is not None:
                self.proc.stdout.close()
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise HarnessError(f"writing the Allure results took longer than {timeout:g} s",
                               where=self.folder)
        finally:
            error = self.proc.stderr.read().decode("utf-8", "replace").strip()
            self.proc.stderr.close()
        if self.proc.returncode != 0 or self._broken:
            last = error.splitlines()[-1] if error else f"exit status {self.proc.returncode}"
            raise HarnessError(f"cannot write the Allure results: {last}", where=self.folder)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


class StoreFeed:
    """An xdist controller's side: the rows its workers stored, handed on as they come.

    The controller runs no item, so no item gives it a row; without this, every file was
    written after the last item, on one core while the other stood idle (1.5 s for 2,100
    rows). Read from the store at most every ``every_s`` as the workers' reports arrive.
    """

    def __init__(self, writer: AllureWriterProcess, database: Path, run_id: str,
                 every_s: float = FEED_EVERY_S):
        self.writer = writer
        self.database = database
        self.run_id = run_id
        self.every_s = every_s
        self._next = time.monotonic() + every_s
        self._last_id = 0
        self._store: Any = None
        self._failed = False  # the store could not be read: the rows come at the end, with the rest

    def poll(self) -> None:
        now = time.monotonic()
        if now < self._next or self._failed:
            return
        self._next = now + self.every_s
        try:
            if self._store is None:
                from harness.store import Store

                self._store = Store(self.database)
            rows = self._store.results_after(self.run_id, self._last_id)
        except (sqlite3.Error, OSError):
            self._failed = True
            self.close()
            return
        for row in rows:
            self.writer.add(row)
        if rows:
            self._last_id = rows[-1]["id"]

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        self._store = None


def _read_exact(stream: Any, size: int) -> bytes | None:
    data = stream.read(size)
    return data if len(data) == size else None


def main(args: list[str] | None = None) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parser = argparse.ArgumentParser(description="write Allure result files of stored rows")
    parser.add_argument("folder")
    parser.add_argument("--clean", action="store_true")
    parser.add_argument("--plots", action="append", default=[], help="where relative plot paths are")
    ns = parser.parse_args(args)
    from harness.report.allure import ResultWriter

    stdin = sys.stdin.buffer
    try:
        writer = ResultWriter(Path(ns.folder), [Path(p) for p in ns.plots], clean=ns.clean)
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        while (header := _read_exact(stdin, 4)) is not None:
            payload = _read_exact(stdin, int.from_bytes(header, "little"))
            if payload is None:
                break  # the run was killed mid-message: what came whole is written
            for row in marshal.loads(payload):
                writer.add(row)
        writer.finish()
    except (OSError, ValueError, EOFError) as err:
        print(f"{type(err).__name__}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
