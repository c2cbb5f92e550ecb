"""Rig files: the schema, per-kind options, and one-line errors for malformed files."""

from __future__ import annotations

import importlib
import inspect
import re
import textwrap
from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.rig import kind_options, load_rig, port_problem
from harness.schema import load_schema
from harness.targets import KIND_MODULES, Target

REPO = Path(__file__).resolve().parents[2]


def write_rig(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rigs" / "bad.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def load_error(tmp_path: Path, body: str) -> str:
    path = write_rig(tmp_path, body)
    with pytest.raises(HarnessError) as caught:
        load_rig(path, tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("rig", sorted(p.name for p in (REPO / "rigs").glob("*.yaml")))
def test_every_rig_of_the_repository_loads(rig):
    loaded = load_rig(REPO / "rigs" / rig, REPO)
    assert loaded.targets


def test_the_lab_examples_say_what_they_are():
    pyboard = load_rig(REPO / "rigs" / "lab-pyboard.yaml", REPO)
    assert pyboard.targets["pyboard"].config.options["port"] == "auto"
    assert pyboard.targets["pyboard"].is_exclusive
    assert pyboard.database == REPO / "results" / "lab-pyboard" / "history.sqlite"
    assert pyboard.raw["instruments"][0]["wiring"] == {"X1": 1, "X2": 2, "X3": 3}
    assert pyboard.raw["audits"][0]["profile"] == "flight-pyboard"
    assert pyboard.parallel == 0  # `parallel: true`: one worker per target
    lab = load_rig(REPO / "rigs" / "lab-labgrid.yaml", REPO)
    places = {t.name: t.device for t in lab.targets.values() if t.kind == "board"}
    assert places["pyboard-1"] == "labgrid:127.0.0.1:20408/pyboard-1"
    assert places["pyboard-ser2net"].startswith("port:rfc2217://")
    assert len(set(places.values())) == 3  # three boards, three workers


@pytest.mark.parametrize(("body", "expected"), [
    # an option the kind does not have: file, line, key, kind and the options it has
    ("""\
     name: bad
     targets:
       - name: mb
         kind: qemu-microbit
         icont: 6
     """, r"rigs/bad\.yaml:5: targets\.0\.icont: unknown option 'icont' for a qemu-microbit target "
         r"\(known: .*icount.*\)"),
    ("""\
     name: bad
     targets:
       - {name: py, kind: cpython, heapsize: 2M}
     """, r"bad\.yaml:3: targets\.0\.heapsize: unknown option 'heapsize' for a cpython target"),
    ("""\
     name: bad
     targets:
       - name: pyb
         kind: board
         reset: soft
     """, r"bad\.yaml:3: targets\.0: a board needs 'port' .* or 'labgrid'"),
    ("""\
     name: bad
     targets:
       - name: pyb
         kind: board
         port: auto
         labgrid: {place: p1}
     """, r"bad\.yaml:6: targets\.0\.labgrid: give either 'port' or 'labgrid', not both"),
    ("""\
     name: bad
     targets:
       - {name: pyb, kind: board, port: "rfc2217://lab-host"}
     """, r"bad\.yaml:3: targets\.0\.port: 'rfc2217://lab-host' needs a host and a port"),
    ("""\
     name: bad
     targets:
       - {name: pyb, kind: board, port: "tcp://host:1"}
     """, r"bad\.yaml:3: targets\.0\.port: 'tcp://host:1': unknown URL scheme 'tcp'"),
    ("""\
     name: bad
     targets:
       - name: pyb
         kind: board
         port: auto
         reset: restart
     """, r"bad\.yaml:6: targets\.0\.reset: 'restart' is not one of \['soft', 'machine', 'none'\]"),
    ("""\
     name: bad
     targets:
       - name: pyb
         kind: board
         labgrid: {coordinator: "lab:20408"}
     """, r"bad\.yaml:5: targets\.0\.labgrid: 'place' is a required property"),
    ("""\
     name: bad
     targets:
       - name: pyb
         kind: board
         labgrid: {place: p, coordnator: "lab:20408"}
     """, r"bad\.yaml:5: targets\.0\.labgrid: unknown key \('coordnator' was unexpected\)"),
    ("""\
     name: bad
     targets:
       - {name: m, kind: qemu-mps2}
     """, r"bad\.yaml:3: targets\.0: 'firmware' is a required property"),
    ("""\
     name: bad
     parallel: lots
     targets:
       - {name: py, kind: cpython}
     """, r"bad\.yaml:2: parallel: 'lots' is not valid under any of the given schemas"),
    ("""\
     name: bad
     targets:
       - {name: py, kind: cpython}
     audits:
       - {profile: cdr-emulator, run: 3}
     """, r"bad\.yaml:5: audits\.0: unknown key \('run' was unexpected\)"),
    ("""\
     name: bad
     targets:
       - {name: py, kind: cpython}
     nightly:
       audits: [{runs: 3}]
     """, r"bad\.yaml:5: nightly\.audits\.0: 'profile' is a required property"),
    ("""\
     name: bad
     targets:
       - {name: py, kind: cpython}
     databse: lab.sqlite
     """, r"bad\.yaml:1: \(top level\): unknown key \('databse' was unexpected\)"),
    ("""\
     name: bad
     targets:
       - {name: py, kind: cpython
     """, r"bad\.yaml:4: invalid YAML"),
])
def test_a_malformed_rig_gives_one_line_naming_file_line_and_key(tmp_path, body, expected):
    message = load_error(tmp_path, body)
    assert re.search(expected, message), message


def test_schema_kinds_are_the_target_kinds():
    schema = load_schema("rig")
    assert set(schema["$defs"]["target"]["properties"]["kind"]["enum"]) == set(KIND_MODULES)
    assert set(schema["$defs"]["kinds"]) == set(KIND_MODULES)


_OPTION = re.compile(r"""options(?:\.get\(|\[)\s*["']([a-z_0-9]+)["']""")


@pytest.mark.parametrize("kind", sorted(KIND_MODULES))
def test_every_option_a_target_reads_is_in_the_schema(kind):
    """A new option in a target's code must be declared in rig.schema.json, or rigs using it
    would be refused as having an unknown option."""
    importlib.import_module(KIND_MODULES[kind])
    classes = [c for c in Target.registry[kind].__mro__ if c.__module__.startswith("harness.targets")]
    read = {name for cls in classes for name in _OPTION.findall(inspect.getsource(cls))}
    assert read, f"{kind}: no options found in its code"
    missing = read - kind_options(kind)
    assert not missing, f"{kind}: options read by the code but not in the schema: {sorted(missing)}"


@pytest.mark.parametrize(("port", "ok"), [
    ("auto", True), ("/dev/ttyACM0", True), ("/dev/serial/by-id/usb-MicroPython-if00", True),
    ("socket://127.0.0.1:4000", True), ("rfc2217://lab:7000?ign_set_control", True),
    ("loop://", True), ("rfc2217://lab", False), ("socket://:80", False), ("ftp://x:1", False),
])
def test_port_forms(port, ok):
    assert (port_problem(port) is None) is ok
