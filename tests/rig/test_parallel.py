"""Parallel runs: work units (one per board, chunks of the rest) and a real xdist run."""

from __future__ import annotations

import os
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from harness.parallel import Unit, item_target, next_units, plan_units, workers_for, xdist_args
from harness.rig import load_rig

RIG = """\
name: lab
targets:
  - {name: cpython, kind: cpython}
  - {name: unix, kind: unix, modes: [bytecode, native]}
  - {name: mb, kind: qemu-microbit}
  - {name: pyb-a, kind: board, port: /dev/ttyACM0}
  - {name: pyb-a-again, kind: board, port: /dev/ttyACM0}
  - {name: pyb-b, kind: board, labgrid: {place: bench-2}}
"""


def lab_rig(tmp_path: Path, text: str = RIG):
    path = tmp_path / "lab.yaml"
    path.write_text(text)
    return load_rig(path, tmp_path)


def nodeids(targets: dict[str, int]) -> list[str]:
    """Node ids as the plugin names items: spec-major, one per target (and mode)."""
    count = max(targets.values())
    found = []
    for number in range(count):
        for label, specs in targets.items():
            if number < specs:
                found.append(f"specs/a/s{number:03d}.py::s{number:03d}[{label}]")
    return found


def test_item_target_reads_the_label():
    names = ["unix", "qemu-microbit", "qemu-microbit-1.29"]
    assert item_target("specs/x.py::x[unix]", names) == "unix"
    assert item_target("specs/x.py::x[unix-native]", names) == "unix"
    assert item_target("specs/x.py::x[qemu-microbit-1.29]", names) == "qemu-microbit-1.29"
    assert item_target("specs/x.py::x[qemu-microbit-viper]", names) == "qemu-microbit"
    assert item_target("tests/test_x.py::test_y", names) is None
    assert item_target("specs/x.py::x[toaster]", names) is None


def test_boards_are_whole_units_and_come_first(tmp_path):
    rig = lab_rig(tmp_path)
    ids = nodeids({"cpython": 800, "unix": 800, "unix-native": 800, "mb": 800, "pyb-a": 800,
                   "pyb-a-again": 10, "pyb-b": 800})
    units = plan_units(ids, rig, {}, workers=4)
    every = [n for u in units for n in u.nodeids]
    assert sorted(every) == sorted(ids)  # each item in exactly one unit
    boards = [u for u in units if u.exclusive]
    # Two targets on one port are one board, hence one unit; the labgrid place is another.
    assert sorted(u.name for u in boards) == ["pyb-a+pyb-a-again", "pyb-b"]
    assert units[:2] == sorted(boards, key=lambda u: -u.cost_s)
    assert all(not u.exclusive for u in units[2:])
    # Splittable targets are cut into several chunks, handed out costliest first.
    chunks = defaultdict(list)
    for unit in units[2:]:
        chunks[unit.name.split("#")[0]].append(unit)
    assert set(chunks) == {"cpython", "unix", "mb"}
    assert len(chunks["mb"]) > 2 and len(chunks["unix"]) > 1  # the emulator is the costliest
    costs = [u.cost_s for u in units[2:]]
    assert costs == sorted(costs, reverse=True)
    # Each chunk keeps its items in collection order.
    first = chunks["mb"][0]
    assert list(first.nodeids) == [n for n in ids if n in set(first.nodeids)]


def test_costs_come_from_history_when_there_is_some(tmp_path):
    rig = lab_rig(tmp_path)
    ids = nodeids({"cpython": 100, "mb": 100})
    # Measured: the emulator is cheap here and CPython slow; the plan follows the measurement.
    units = plan_units(ids, rig, {"cpython": 0.5, "mb": 0.001}, workers=2)
    assert units[0].name.startswith("cpython#")
    assert sum(u.cost_s for u in units if u.name.startswith("mb")) == 100 * 0.001


def test_exclusive_can_be_set_per_target(tmp_path):
    rig = lab_rig(tmp_path, "name: x\ntargets:\n  - {name: mb, kind: qemu-microbit, exclusive: true}\n"
                            "  - {name: pyb, kind: board, port: auto, exclusive: false}\n")
    assert rig.targets["mb"].is_exclusive and not rig.targets["pyb"].is_exclusive
    units = plan_units(nodeids({"mb": 500, "pyb": 500}), rig, {}, workers=2)
    assert [u.name for u in units if u.exclusive] == ["mb"]


def test_worker_counts(tmp_path):
    rig = lab_rig(tmp_path)
    assert workers_for(None, rig) == 1 and xdist_args(None, rig) == []  # no parallel: key
    # Automatic: one per board (pyb-a and pyb-a-again share one) and one per core for the rest.
    assert workers_for(0, rig) == 2 + min(3, os.cpu_count() or 1)
    assert workers_for(0, rig, "pyb-a,pyb-b,pyb-a-again") == 2
    assert workers_for(0, rig, "cpython") == 2
    assert workers_for(3, rig) == 3
    assert xdist_args(3, rig) == ["-p", "xdist", "-n", "3", "--harness-parallel"]
    keyed = lab_rig(tmp_path, RIG + "parallel: 4\n")
    assert workers_for(None, keyed) == 4 and workers_for(1, keyed) == 1


# ---- a real run over xdist ------------------------------------------------------------------

PARALLEL_RIG = """\
name: par
results: results
targets:
  - {name: cpython, kind: cpython}
  - {name: board-a, kind: unix, heapsize: 256k, exclusive: true, baseline: unix}
  - {name: board-b, kind: unix, heapsize: 256k, exclusive: true, baseline: unix}
"""


def _workers_of(output: str) -> dict[str, set[str]]:
    """target -> the xdist workers that ran its items, from `-v` output."""
    found: dict[str, set[str]] = defaultdict(set)
    for worker, label in re.findall(r"^\[(gw\d+)\] .*::\w+\[([\w.-]+)\]\s*$", output, re.M):
        found[label].add(worker)
    return found


def _verdicts(database: Path, run_id: str) -> dict[tuple[str, str], str]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT spec_id, target, verdict FROM results WHERE run_id = ?", (run_id,))
        return {(spec, target): verdict for spec, target, verdict in rows}


@pytest.mark.slow
def test_a_parallel_run_keeps_each_board_on_its_own_worker(project):
    (project.root / "rigs" / "local.yaml").write_text(PARALLEL_RIG)
    for number in range(150):
        body = f"print({number}, sum(range({number})))\n"
        if number % 50 == 7:
            body = "import json\nprint(json.dumps({'a': [1, 2.5]}))\n"
        project.spec(f"s{number:03d}.py", body)
    project.spec("s_fail.py", "print(repr(1/3), 10**20 + 0.5)\n")  # a verdict that is not PASS
    # Four workers: the two boards each on a worker of its own, CPython cut into chunks (151
    # items at the default cost: three) that the other workers take as they come free.
    parallel = project.harness("run", "--parallel", "4", "--run-id", "par-1", "--pytest-args=-v")
    assert parallel.returncode in (0, 1), parallel.stdout[-3000:] + parallel.stderr
    workers = _workers_of(parallel.stdout)
    assert len(workers["board-a"]) == 1 and len(workers["board-b"]) == 1  # a board never splits
    assert workers["board-a"] != workers["board-b"]  # ... and each board has its own worker
    assert len(workers["cpython"]) >= 2  # the host target is spread
    lines = [line for line in parallel.stdout.splitlines() if line.startswith("[gw")]
    assert len(lines) == 3 * 151
    assert not any("@" in line for line in lines)  # node ids as in a serial run (no xdist group suffix)
    # The controller wrote Allure's files from the store, the run-wide ones too (into the
    # folder its writer process set up), and JUnit: one entry per item.
    results = project.root / "results"
    assert (results / "allure-results" / "environment.properties").is_file()
    assert (results / "allure-results" / "categories.json").is_file()
    assert len(list((results / "allure-results").glob("*-result.json"))) == 3 * 151
    assert ET.parse(results / "junit.xml").getroot().find("testsuite").get("tests") == str(3 * 151)
    serial = project.harness("run", "--run-id", "serial-1")
    database = project.root / "results" / "harness.sqlite"
    assert _verdicts(database, "par-1") == _verdicts(database, "serial-1")
    assert len(_verdicts(database, "par-1")) == 3 * 151
    assert serial.returncode == parallel.returncode
    assert "matrix:" in parallel.stdout  # the controller wrote the reports


@pytest.mark.slow
def test_the_rigs_parallel_key_runs_in_parallel(project):
    (project.root / "rigs" / "local.yaml").write_text(PARALLEL_RIG + "parallel: 2\n")
    project.spec("one.py", "print(1)\n")
    done = project.harness("run", "--pytest-args=-v")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    assert re.search(r"created: 2/2 workers", done.stdout)
    serial = project.harness("run", "--parallel", "1", "--pytest-args=-v")
    assert serial.returncode == 0 and "[gw" not in serial.stdout
    nightly = project.harness("nightly")  # a lab's nightly run honours the rig's parallel: too
    assert nightly.returncode == 0, nightly.stdout[-2000:] + nightly.stderr
    assert "created: 2/2 workers" in nightly.stdout


def test_a_worker_keeps_to_the_targets_it_runs():
    units = {u.name: u for u in [
        Unit("mb#0", ("a",), 3.0, False, "mb"), Unit("mb#1", ("b",), 2.0, False, "mb"),
        Unit("cpython#0", ("c",), 2.5, False, "cpython"), Unit("pyb", ("d",), 9.0, True)]}
    order = {"pyb": 0, "mb#0": 1, "cpython#0": 2, "mb#1": 3}
    queue = list(order)
    # A board first; then a target no worker runs, costliest first.
    assert next_units(queue, units, order, "gw0", {}) == ["pyb", "mb#0", "cpython#0", "mb#1"]
    warm = {"gw0": {"mb"}}
    # gw0 runs the emulator already: its next chunk goes there, not to a second emulator on gw1.
    assert next_units(["cpython#0", "mb#1"], units, order, "gw0", warm)[0] == "mb#1"
    assert next_units(["cpython#0", "mb#1"], units, order, "gw1", warm)[0] == "cpython#0"
    # Nothing else left: gw1 helps with the emulator after all.
    assert next_units(["mb#1"], units, order, "gw1", warm) == ["mb#1"]


@pytest.mark.slow
def test_a_concurrent_run_runs_the_targets_at_once(project):
    (project.root / "rigs" / "local.yaml").write_text(PARALLEL_RIG)
    for number in range(40):
        project.spec(f"c{number:03d}.py", f"print({number}, sum(range({number})))\n")
    project.spec("c_fail.py", "print(repr(1/3), 10**20 + 0.5)\n")  # a verdict that is not PASS
    together = project.harness("run", "--concurrent", "--run-id", "conc-1", "--pytest-args=-v")
    assert together.returncode in (0, 1), together.stdout[-3000:] + together.stderr
    # pytest reports every item, in collection order, as a serial run does.
    lines = [line for line in together.stdout.splitlines() if "::" in line and "[" in line]
    assert len(lines) == 3 * 41 and "[gw" not in together.stdout
    serial = project.harness("run", "--run-id", "serial-1")
    database = project.root / "results" / "harness.sqlite"
    assert _verdicts(database, "conc-1") == _verdicts(database, "serial-1")
    assert serial.returncode == together.returncode
    with sqlite3.connect(database) as db:
        spans = dict(db.execute("SELECT target, MIN(started) || ' ' || MAX(finished) FROM results "
                                "WHERE run_id = 'conc-1' GROUP BY target"))
    # The targets ran at the same time: each started before the others had finished.
    starts_ends = [tuple(map(float, span.split())) for span in spans.values()]
    assert len(starts_ends) == 3
    assert max(start for start, _ in starts_ends) < min(end for _, end in starts_ends)
    assert (project.root / "results" / "junit.xml").is_file() and "matrix:" in together.stdout
    both = project.harness("run", "--concurrent", "--parallel", "2")
    assert both.returncode == 2 and "does not combine" in both.stderr
    assert len(both.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_bench_parallel_times_both_ways_side_by_side(project):
    import json

    (project.root / "rigs" / "local.yaml").write_text(PARALLEL_RIG)
    for number in range(6):
        project.spec(f"b{number}.py", f"print({number} * 7)\n")
    done = project.harness("bench", "parallel", "--parallel-specs", "4", "--rounds", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "every run gave the same verdicts" in done.stdout
    assert re.search(r"serial [\d.]+, [\d.]+ s; at once [\d.]+, [\d.]+ s; 3 workers [\d.]+ s",
                     done.stdout.replace("\n", " ")), done.stdout
    assert "pytest-xdist workers (--parallel 3)" in done.stdout
    [goal] = json.loads((project.root / "results" / "bench.json").read_text())["benches"]["parallel"]["goals"]
    assert goal["subject"] == "at once" and goal["baseline"] == "serial" and goal["minimum"] == 1.7
    assert goal["subject_value"] > 0 and goal["baseline_value"] > 0
    assert "12 items" in goal["name"]  # 4 specs on 3 targets
