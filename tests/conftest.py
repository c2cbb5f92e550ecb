"""Shared fixtures: a small, self-contained harness project in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HARNESS = [sys.executable, "-m", "harness.cli"]

FEATURES = """\
version: 1
features:
  - {id: language.basics.print, title: print, area: language, cpython_doc: library/functions.html#print}
  - {id: language.basics.exit, title: sys.exit, area: language, cpython_doc: library/sys.html#sys.exit}
  - {id: language.basics.loops, title: loops, area: language, cpython_doc: reference/compound_stmts.html}
  - {id: stdlib.json.dumps, title: json.dumps, area: stdlib, cpython_doc: library/json.html}
  - id: micropython.heap.exhaust
    title: heap
    area: micropython
    cpython_doc: library/exceptions.html#MemoryError
"""

RIG = """\
name: mini
results: results
targets:
  - {name: cpython, kind: cpython}
  - {name: unix, kind: unix, heapsize: 256k}
"""


class Project:
    """A throwaway harness project: features, specs, a rig, results."""

    def __init__(self, root: Path):
        self.root = root
        (root / "conformance" / "baselines").mkdir(parents=True)
        (root / "rigs").mkdir()
        (root / "specs").mkdir()
        (root / "conformance" / "features.yaml").write_text(FEATURES)
        (root / "rigs" / "local.yaml").write_text(RIG)

    def spec(self, rel: str, body: str, feature: str = "language.basics.print", header: str = "") -> Path:
        path = self.root / "specs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# feature: {feature}\n{header}" + textwrap.dedent(body))
        return path

    def baseline(self, target: str, text: str) -> None:
        (self.root / "conformance" / "baselines" / f"{target}.yaml").write_text(textwrap.dedent(text))

    def harness(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([*HARNESS, *args], cwd=self.root, capture_output=True, text=True,
                              timeout=timeout, env=_env())

    def pytest(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                              cwd=self.root, capture_output=True, text=True, timeout=timeout,
                              env=_env())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HARNESS_RUN_ID", None)
    env["COLUMNS"] = "200"
    return env


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "proj")


@pytest.fixture
def make_spec(tmp_path: Path):
    """Write a spec file under tmp_path/specs and load it."""
    from harness.spec import load_spec

    root = tmp_path / "specs"

    def make(name: str, body: str, header: str = "# feature: language.basics.print\n"):
        path = root / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + textwrap.dedent(body))
        return load_spec(path, root)

    return make


# -- no orphan QEMU or Node process after the session (tests/processes.py) -------------------
from processes import leftovers, session_tag  # noqa: E402

PROCESS_TAG = session_tag()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session if a QEMU or Node process it started is still running."""
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller checks once every worker is done
    left = leftovers(PROCESS_TAG)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = f"processes started by this test session are still running: {', '.join(left)}"
        if reporter is not None:
            reporter.write_line(f"ERROR: {message}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
