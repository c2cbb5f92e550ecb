"""``harness bench suite``: ``harness run --suite DIR --targets unix`` against a plain runner.

The corpus is the repository's own specs copied as a foreign suite (headers stripped, ``.exp``
sidecars kept): several hundred small, varied programs. The straightforward runner is what a
developer would write: two parallel jobs, each test one ``micropython`` process plus one
CPython process (or its ``.py.exp``), outputs compared. The harness runs in a temporary
project whose only target is ``unix``, first with an empty reference cache, then cached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console

from harness.bench.common import Goal
from harness.bench.unix import micropython_binary
from harness.errors import HarnessError
from harness.reference import spec_env
from harness.store import Store

GOAL = 3.0
RUNNER_TIMEOUT = 10.0
RIG = "name: bench-suite\nresults: results\ntargets:\n  - name: unix\n    kind: unix\n    heapsize: 2M\n"


def make_corpus(root: Path, dest: Path, minimum: int = 500, limit: int | None = None) -> int:
    """Copy specs/**.py (minus their `# key:` header) into ``dest``, one folder per spec folder."""
    count = 0
    for path in sorted((root / "specs").rglob("*.py")):
        if limit is not None and count >= limit:
            break
        rel = path.relative_to(root / "specs")
        if rel.parts[0] == "hardware":  # needs a board; a plain runner could not judge them either
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        while lines and lines[0].startswith("#") and ":" in lines[0]:
            lines.pop(0)
        out = dest / rel.parts[0] / "_".join(rel.parts[1:])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(lines), encoding="utf-8")
        exp = path.with_name(path.name + ".exp")
        if exp.exists():
            shutil.copyfile(exp, out.with_name(out.name + ".exp"))
        count += 1
    if limit is None and count < minimum:
        raise RuntimeError(f"only {count} specs to build the suite from (need {minimum})")
    return count


def make_project(root: Path, dest: Path) -> Path:
    """A throw-away project: the features and baselines, a unix-only rig, its own cache."""
    shutil.copytree(root / "conformance", dest / "conformance")
    (dest / "rigs").mkdir()
    rig = dest / "rigs" / "bench.yaml"
    rig.write_text(RIG, encoding="utf-8")
    return rig


def run_harness(project: Path, rig: Path, suite: Path) -> float:
    """One ``harness run --suite`` in the throw-away project: its wall time."""
    env = {k: v for k, v in os.environ.items() if k != "HARNESS_RUN_ID"}
    argv = [sys.executable, "-m", "harness", "run", "--suite", str(suite), "--targets", "unix",
            "--rig", str(rig)]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=project, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some verdicts fail, the suite's business
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise HarnessError(f"bench suite: `harness run --suite` ended with status {done.returncode}: "
                           f"{tail[0]}")
    return elapsed


def harness_verdicts(project: Path) -> dict[str, int]:
    """Verdict counts of the project's last run (what the timed run judged)."""
    store = Store(project / "results" / "harness.sqlite")
    try:
        run = store.runs(limit=1)[0]
        return store.verdict_counts([run["id"]])[run["id"]].get("unix", {})
    finally:
        store.close()


def _one_test(binary: str, test: Path) -> bool:
    def run(argv: list[str], env: dict[str, str] | None = None) -> bytes:
        try:
            return subprocess.run(argv, capture_output=True, timeout=RUNNER_TIMEOUT, env=env,
                                  stdin=subprocess.DEVNULL, cwd=test.parent).stdout
        except subprocess.TimeoutExpired:
            return b"TIMEOUT"

    got = run([binary, "-X", "heapsize=2M", str(test)])
    exp = test.with_name(test.name + ".exp")
    want = exp.read_bytes() if exp.exists() else run([sys.executable, "-S", str(test)], spec_env())
    return got == want


def run_plain(suite: Path, jobs: int = 2) -> tuple[float, int]:
    """The straightforward runner; returns (seconds, tests that matched)."""
    binary = micropython_binary()
    tests = sorted(suite.rglob("*.py"))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        passed = sum(pool.map(lambda t: _one_test(binary, t), tests))
    return time.perf_counter() - started, passed


def bench_suite(root: Path, limit: int | None = None) -> tuple[list[Goal], list[str]]:
    with tempfile.TemporaryDirectory(prefix="harness-bench-suite-") as tmp:
        base = Path(tmp)
        suite = base / "suite"
        count = make_corpus(root, suite, limit=limit)
        project = base / "project"
        rig = make_project(root, project)
        with Console(stderr=True).status("bench suite") as status:
            status.update(f"bench suite: the plain runner, {count} tests (2 jobs)")
            plain, passed = run_plain(suite)
            status.update(f"bench suite: harness run, first run ({count} tests, empty reference cache)")
            first = run_harness(project, rig, suite)  # empty .harness-cache: CPython runs every test
            status.update(f"bench suite: harness run, cached references ({count} tests)")
            cached = run_harness(project, rig, suite)
        verdicts = harness_verdicts(project)
    goals = [
        Goal("suite", "first run (empty reference cache)", "harness run --suite (unix)",
             "process per test, 2 jobs", first, plain, "s", GOAL),
        Goal("suite", "cached reference", "harness run --suite (unix)",
             "process per test, 2 jobs", cached, plain, "s", GOAL),
    ]
    judged = ", ".join(f"{n} {verdict}" for verdict, n in sorted(verdicts.items(), key=lambda kv: -kv[1]))
    notes = [f"suite: {count} tests (the repo's specs as a foreign suite, headers stripped);"
             f" plain runner matched {passed}; harness: {judged}"]
    return goals, notes
