"""Choosing boards: ``--targets`` names, globs and filters (kind=, name=, has=), and specs that
need a capability reported UNSUPPORTED, never run, on targets without it."""

import sqlite3
import textwrap

import pytest
from conftest import Project

from harness.errors import HarnessError
from harness.rig import load_rig
from harness.selection import parse, select, static_select

RIG = """\
name: caps
results: results
targets:
  - {name: cpython, kind: cpython}
  - {name: unix-a, kind: unix}
  - {name: unix-b, kind: unix, capabilities: [machine.Pin]}
"""


@pytest.fixture
def rig(project: Project):
    (project.root / "rigs" / "local.yaml").write_text(RIG)
    return load_rig(project.root / "rigs" / "local.yaml", project.root)


@pytest.mark.parametrize(("text", "names"), [
    (None, ["cpython", "unix-a", "unix-b"]),
    ("unix-b,cpython", ["unix-b", "cpython"]),        # names keep the order given
    ("unix-*", ["unix-a", "unix-b"]),
    ("kind=unix", ["unix-a", "unix-b"]),
    ("kind=unix,kind=cpython", ["cpython", "unix-a", "unix-b"]),  # a repeated filter: any of them
    ("name=unix-?,kind=unix", ["unix-a", "unix-b"]),
    ("kind=unix,has=machine.Pin", ["unix-b"]),         # declared in the rig: no probe needed
    ("unix-a,unix-b,has=machine.Pin", ["unix-b"]),
])
def test_names_globs_and_filters(rig, text, names):
    probed = []

    def probe(target, wanted):  # as if no running target had anything
        probed.append(target.name)
        return set()

    assert select(rig, parse(text), probe) == names
    assert "unix-b" not in probed  # what the rig declares is not probed


@pytest.mark.parametrize(("text", "message"), [
    ("kind=board", "--targets 'kind=board': no target of rig 'caps' matches (it has: cpython (cpython), "
                   "unix-a (unix), unix-b (unix))"),
    ("board", "unknown target 'board' (this rig has: cpython, unix-a, unix-b)"),
    ("colour=red", "--targets: unknown filter 'colour=' in 'colour=red' (known: name=, kind=, has=)"),
    ("has=", "--targets: has= needs a value"),
    ("has=machine..Pin", "--targets: has=machine..Pin: not a module or attribute name"),
])
def test_bad_selections_are_one_line(rig, text, message):
    with pytest.raises(HarnessError) as err:
        static_select(rig, parse(text))
    assert message in str(err.value)


def test_capability_filters_probe_and_requires_never_runs_where_it_is_missing(project: Project):
    (project.root / "rigs" / "local.yaml").write_text(RIG)
    project.spec("c/hello.py", "print('hi')\n")
    # Only a target with machine.Pin may run it: the others report UNSUPPORTED without running it.
    project.spec("c/pin.py", "import machine\nprint('Pin' if hasattr(machine, 'Pin') else 'no Pin')\n",
                 header="# requires: machine.Pin\n")
    (project.root / "specs" / "c" / "pin.exp").write_text("Pin\n")

    def stored(*args):
        proc = project.harness("run", *args)
        assert proc.returncode in (0, 1), proc.stdout[-3000:] + proc.stderr
        db = sqlite3.connect(project.root / "results" / "harness.sqlite")
        [run_id] = db.execute("SELECT id FROM runs ORDER BY started DESC LIMIT 1").fetchone()
        return {(s, t): (v, r) for s, t, v, r in db.execute(
            "SELECT spec_id, target, verdict, reason FROM results WHERE run_id = ?", (run_id,))}

    # machine.mem32 is the PC port's (probed on the running targets); CPython has no machine.
    found = stored("--targets", "has=machine.mem32")
    assert {t for _s, t in found} == {"unix-a", "unix-b"}
    assert found[("c/pin", "unix-a")] == ("UNSUPPORTED", "target lacks 'machine.Pin' (probed)")
    assert found[("c/pin", "unix-b")][0] != "UNSUPPORTED"  # declared in the rig: it runs there

    found = stored("--targets", "kind=unix,has=machine.Pin")
    assert {t for _s, t in found} == {"unix-b"}

    proc = project.harness("run", "--targets", "kind=board,has=machine.Pin")
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [textwrap.dedent("""\
        harness: error: rigs/local.yaml: --targets 'kind=board,has=machine.Pin': no target of rig 'caps'
        matches (it has: cpython (cpython), unix-a (unix), unix-b (unix))""").replace("\n", " ")]
