"""Expected output: CPython's output of the spec, cached by content hash and CPython version.

A ``.exp`` sidecar overrides CPython (hardware and MicroPython-only specs). The cache is one
SQLite file (``references.sqlite``): a file per spec cost a new inode each, which on these
machines' journal-less ext4 took up to 0.6 ms of the kernel's time after recent deletions.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from harness.errors import HarnessError
from harness.forkserver import ForkServer, ForkServerDied
from harness.records import Expected, Spec
from harness.sandbox import ProcessResult
from harness.store import connect
from harness.targets.base import exception_name

log = logging.getLogger("harness.reference")

# Bump when the way the reference is computed changes, so old cache entries are not reused.
RECIPE = 4
CACHE_FILE = "references.sqlite"


def spec_env() -> dict[str, str]:
    """Environment for a spec under CPython: reproducible hashing, UTF-8, no PYTHON* leaks.

    (Not `-E`: that would ignore PYTHONHASHSEED too. Specs run with `-S`, plain standard
    library and no site-packages, which also saves most of the interpreter's start-up.)
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    return env


@dataclass
class ReferenceStats:
    cached: int = 0
    computed: int = 0
    sidecar: int = 0


class Reference:
    """Looks up (or computes and stores) the expected output of specs."""

    def __init__(self, cache_dir: Path, python: str = sys.executable):
        self.python = python
        self.cache_root = Path(cache_dir)
        self.stats = ReferenceStats()
        self._server: ForkServer | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[str, Future[Expected]] = {}  # content hash -> background computation
        self._servers: list[ForkServer] = []
        self._local = threading.local()
        self._lock = threading.Lock()  # the servers list, and the cache connection
        self._db: sqlite3.Connection | None = None
        self._loaded: dict[str, str] = {}  # content hash -> stored JSON, read at once by prefetch

    def close(self) -> None:
        if self._pool is not None:
            # References nobody asked for yet are dropped; at most one spec per server is
            # running, and it ends within its own timeout.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self.stats.computed += sum(1 for f in self._pending.values()
                                       if f.done() and not f.cancelled() and f.exception() is None)
            self._pending.clear()
            for server in self._servers:
                server.stop()
            self._servers.clear()
        if self._server is not None:
            self._server.stop()
            self._server = None
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @cached_property
    def version(self) -> str:
        """e.g. 'cpython-3.11.7' of the interpreter that computes the reference."""
        if self.python == sys.executable:
            impl, ver = sys.implementation.name, ".".join(map(str, sys.version_info[:3]))
        else:
            code = "import sys;print(sys.implementation.name, '.'.join(map(str, sys.version_info[:3])))"
            try:
                out = subprocess.run(
                    [self.python, "-c", code], capture_output=True, text=True, timeout=30, check=True
                ).stdout
            except (OSError, subprocess.SubprocessError) as err:
                raise HarnessError(f"cannot run the reference interpreter: {err}", where=self.python)
            impl, ver = out.split()
        return f"{impl}-{ver}"

    @property
    def _recipe(self) -> str:
        return f"{self.version}-r{RECIPE}"

    def _cache(self) -> sqlite3.Connection:
        """The cache database (call with the lock held); an unusable one is replaced by memory."""
        if self._db is None:
            path = self.cache_root / CACHE_FILE
            try:
                self._db = connect(path, check_same_thread=False)
                self._db.execute("CREATE TABLE IF NOT EXISTS reference (recipe TEXT, hash TEXT,"
                                 " expected TEXT NOT NULL, PRIMARY KEY (recipe, hash)) WITHOUT ROWID")
            except (OSError, sqlite3.Error) as err:
                log.warning("reference cache %s unusable (%s): CPython runs every spec", path, err)
                self._db = sqlite3.connect(":memory:", check_same_thread=False)
                self._db.execute("CREATE TABLE reference (recipe TEXT, hash TEXT, expected TEXT,"
                                 " PRIMARY KEY (recipe, hash))")
        return self._db

    def _load(self, hashes: set[str]) -> None:
        """Read the stored references of ``hashes`` in one query (one each cost 0.1 ms)."""
        with self._lock:
            rows = self._cache().execute("SELECT hash, expected FROM reference WHERE recipe = ?",
                                         (self._recipe,))
            self._loaded = {h: data for h, data in rows if h in hashes}

    def expected(self, spec: Spec) -> Expected:
        if spec.expected_path is not None:
            self.stats.sidecar += 1
            return Expected(stdout=_read_exp(spec.expected_path), source="exp")
        # Left in place while it runs: targets running at once each wait for it (Session.concurrent).
        pending = self._pending.get(spec.content_hash)
        # Not started yet (the servers are behind): computed here at once rather than waited for.
        if pending is not None and not pending.cancel():
            try:
                expected = pending.result()
            except (OSError, ForkServerDied) as err:  # tried again below, on this thread's server
                log.warning("reference of %s in the background: %s", spec.id, err)
            else:
                if self._pending.pop(spec.content_hash, None) is not None:
                    self.stats.computed += 1  # counted by the first to take it
                else:
                    self.stats.cached += 1
                return expected
        self._pending.pop(spec.content_hash, None)
        found = self._cached(spec)
        if found is not None:
            self.stats.cached += 1
            return found
        expected = self.compute(spec)
        self.stats.computed += 1
        self._store(spec, expected)
        return expected

    def ready(self, spec: Spec) -> Expected | None:
        """The expected output if it is known now (sidecar, cache, finished in the background),
        without computing or waiting; None otherwise. Counts nothing: ``expected`` does."""
        if spec.expected_path is not None:
            return Expected(stdout=_read_exp(spec.expected_path), source="exp")
        pending = self._pending.get(spec.content_hash)
        if pending is not None:
            if not pending.done() or pending.cancelled() or pending.exception() is not None:
                return None
            return pending.result()
        return self._cached(spec)

    def _cached(self, spec: Spec) -> Expected | None:
        data = self._loaded.get(spec.content_hash)
        if data is None:
            recipe = self._recipe
            with self._lock:
                try:
                    row = self._cache().execute(
                        "SELECT expected FROM reference WHERE recipe = ? AND hash = ?",
                        (recipe, spec.content_hash)).fetchone()
                except sqlite3.Error as err:
                    log.warning("reference cache: %s", err)
                    return None
            if row is None:
                return None
            data = row[0]
        try:
            return Expected(**json.loads(data))
        except (ValueError, TypeError):  # written by another recipe's fields: computed again
            return None

    def _store(self, spec: Spec, expected: Expected) -> None:
        recipe, data = self._recipe, json.dumps(asdict(expected))
        with self._lock:
            if spec.content_hash in self._loaded:
                self._loaded[spec.content_hash] = data
            try:
                self._cache().execute("INSERT OR REPLACE INTO reference VALUES (?, ?, ?)",
                                      (recipe, spec.content_hash, data))
            except sqlite3.Error as err:  # only a cache: the run goes on with the result
                log.warning("reference cache: %s", err)

    def prefetch(self, specs: list[Spec], jobs: int = 2) -> int:
        """Start computing the missing references of ``specs`` on ``jobs`` fork servers, in order.

        It runs in the background while the targets run the same specs (a target's serial
        round trips leave a core idle), so a run's first pass over new specs is bound by the
        slower of CPython and the targets, not their sum; ``expected`` waits for a spec's
        own result. Returns how many were started.
        """
        unique = {s.content_hash: s for s in specs if s.expected_path is None}
        if unique:
            self._load(set(unique))
        todo = [s for h, s in unique.items() if h not in self._pending and h not in self._loaded]
        if len(todo) < 2 * jobs:
            return 0  # not worth the extra interpreters
        if self._pool is None:
            self._pool = ThreadPoolExecutor(jobs, thread_name_prefix="reference")
        for spec in todo:
            self._pending[spec.content_hash] = self._pool.submit(self._background, spec)
        return len(todo)

    def _background(self, spec: Spec) -> Expected:
        server = getattr(self._local, "server", None)
        if server is None:
            server = self._local.server = ForkServer(self.python, spec_env())
            with self._lock:
                self._servers.append(server)
        expected = self._expected_from(server.run(spec.path, spec.timeout))
        self._store(spec, expected)
        return expected

    def compute(self, spec: Spec) -> Expected:
        if self._server is None:
            self._server = ForkServer(self.python, spec_env())
        return self._expected_from(self._server.run(spec.path, spec.timeout))

    def _expected_from(self, result: ProcessResult) -> Expected:
        if result.timed_out:  # kept: a spec that never ends is judged by the target's outcome
            return Expected(stdout=result.stdout, exit_code=-1, timed_out=True, source=self.version)
        exc = exception_name(result.stderr)
        return Expected(
            stdout=result.stdout,
            exit_code=result.returncode if result.returncode is not None else -1,
            exception=exc,
            source=self.version,
        )


# References started before their session (``start_early``), by cache folder, until taken.
_EARLY: dict[Path, Reference] = {}


def start_early(cache_dir: Path, specs: list[Spec]) -> None:
    """Start computing the missing references of ``specs`` now, for the session to take over.

    ``harness run`` has read the specs before pytest starts; pytest's own start and its
    collection leave the second core idle for about half a second, which the fork servers use.
    """
    reference = Reference(cache_dir)
    try:
        reference.prefetch(specs)
    except Exception:  # only a head start: the session computes what it needs anyway
        reference.close()
        raise
    _EARLY[Path(cache_dir).resolve()] = reference


def for_cache(cache_dir: Path) -> Reference:
    """The reference started early for ``cache_dir`` (taken once), or a new one."""
    return _EARLY.pop(Path(cache_dir).resolve(), None) or Reference(cache_dir)


def close_early() -> None:
    """Stop what was started early and never taken (the run stopped before its session)."""
    while _EARLY:
        _EARLY.popitem()[1].close()


def _read_exp(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as err:
        raise HarnessError(f"cannot read expected output: {err}", where=path)
