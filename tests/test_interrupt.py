"""Ctrl-C on a real `harness run` with emulators and Node workers: a clean stop, no orphan
process, and every result finished before it in the store."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import HARNESS, _env
from processes import TAG_VARIABLE, leftovers, tagged_processes

from harness.targets.webassembly import find_node_modules

sys.path.insert(0, str(Path(__file__).resolve().parent / "targets"))
from qemu_support import needs_qemu  # noqa: E402

HAVE_NODE = shutil.which("node") is not None and find_node_modules() is not None
SPEC = """\
try:
    import utime as time
except ImportError:
    import time
time.sleep(0.15)
print({n})
"""


@pytest.mark.slow
@needs_qemu
@pytest.mark.parametrize("how", [[], ["--concurrent"]], ids=["serial", "concurrent"])
def test_ctrl_c_stops_cleanly_and_keeps_what_finished(project, how):
    for n in range(40):
        project.spec(f"slow/s{n:02d}.py", SPEC.format(n=n))
    wasm = "  - {name: webassembly, kind: webassembly}\n" if HAVE_NODE else ""
    (project.root / "rigs" / "local.yaml").write_text(
        "name: interrupt\nresults: results\ntargets:\n  - {name: unix, kind: unix}\n"
        "  - {name: qemu-microbit, kind: qemu-microbit}\n" + wasm)
    tag = uuid.uuid4().hex
    env = {**_env(), TAG_VARIABLE: tag}  # this run's own tag: its processes only
    proc = subprocess.Popen([*HARNESS, "run", *how], cwd=project.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    database = project.root / "results" / "harness.sqlite"
    kinds = {"unix", "qemu-microbit"} | ({"webassembly"} if HAVE_NODE else set())
    stored_before, started = 0, time.monotonic()
    try:
        # Interrupt once every target has results and the run is well under way.
        while time.monotonic() - started < 120 and proc.poll() is None:
            rows = _rows(database)
            if len(rows) >= 12 and {target for _, target, _ in rows} >= kinds:
                stored_before = len(rows)
                break
            time.sleep(0.1)
        assert stored_before, f"the run never got going: {_output(proc)}"
        running = tagged_processes(tag)
        assert any("qemu" in p for p in running), running
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    text = out.decode(errors="replace")
    assert proc.returncode == 2, text[-3000:]  # pytest's "interrupted"
    assert "Traceback (most recent call last)" not in text, text[-3000:]
    assert leftovers(tag, names=None) == []  # QEMU, Node, fork server, workers: all gone
    rows = _rows(database)
    assert len(rows) >= stored_before  # nothing that finished was lost
    assert all(verdict == "PASS" for _, _, verdict in rows), rows
    assert len(rows) < 40 * len(kinds)  # it did stop early
    with sqlite3.connect(database) as db:
        unfinished = db.execute("SELECT COUNT(*) FROM runs WHERE finished IS NULL").fetchone()[0]
    assert unfinished == 1  # left for `harness run --resume`


def _rows(database: Path) -> list[tuple[str, str, str]]:
    if not database.exists():
        return []
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT spec_id, target, verdict FROM results").fetchall()
    except sqlite3.OperationalError:
        return []


def _output(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        return "(still running)"
    return proc.stdout.read().decode(errors="replace")[-2000:] if proc.stdout else ""


