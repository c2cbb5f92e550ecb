"""Fuzzed input files: every one is a valid load or one clear HarnessError naming the file.

Each of the harness's input formats (spec headers, hardware sidecars, rig files, baselines,
qualification profiles, the firmware manifest) is fed with documents hypothesis builds
two ways: the repository's own valid files with parts replaced, dropped or added
(structure-aware), and text with YAML's special characters spliced into a valid file
(syntax-aware). Any exception other than HarnessError, a message on more than one line,
a message that does not name the file, or a hang (the test's timeout) fails the test
with the smallest example hypothesis finds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.errors import HarnessError

REPO = Path(__file__).resolve().parent.parent.parent
# No per-example deadline (a loaded machine makes it flaky); a hang still fails the test
# through its timeout.
FUZZ = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
pytestmark = pytest.mark.timeout(600)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["", "0", "-1", "1e309", "nan", "~", "yes", "[]", "{}",
                                           "../../etc", "a" * 300, "\x00", "é", "1M", "auto"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, prefix + (index,))
    return found


@st.composite
def mutated(draw: Any, valid: Any, keys: list[str]) -> Any:
    """``valid`` with one to three parts replaced, dropped, or given an extra key."""
    import copy

    data = copy.deepcopy(valid)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if not path:
            if action == "replace":
                data = draw(values)
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "replace":
            parent[last] = draw(values)
        elif action == "drop":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(keys) | st.text(max_size=8))] = draw(values)
        else:
            parent.append(draw(values))
    return data


@st.composite
def spliced(draw: Any, text: str) -> str:
    """``text`` with a piece cut out and YAML-significant characters put in its place."""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    noise = draw(st.text(alphabet=":-[]{}#&*!|>'\"%@`,? \t\n\\\x00ä", max_size=12))
    return text[:start] + noise + text[end:]


def _check(loader: Callable[[Path], Any], path: Path) -> None:
    try:
        loader(path)
    except HarnessError as err:
        message = str(err)
        assert "\n" not in message, f"message on several lines: {message!r}"
        assert path.name in message, f"message does not name {path}: {message!r}"


def _shortened(data: Any, items: int = 6) -> Any:
    """A long file's lists cut to a few items: the same shapes, faster examples."""
    if isinstance(data, dict):
        return {key: _shortened(value, items) for key, value in data.items()}
    if isinstance(data, list):
        return [_shortened(value, items) for value in data[:items]]
    return data


def _keys(data: Any) -> list[str]:
    keys: set[str] = set()
    for path in _paths(data):
        keys.update(step for step in path if isinstance(step, str))
    return sorted(keys) or ["x"]


def _fuzz_yaml(valid_file: Path, loader: Callable[[Path], Any], name: str):
    """Two hypothesis tests (structure, syntax) for one YAML format."""
    text = valid_file.read_text(encoding="utf-8")
    valid = _shortened(yaml.safe_load(text))
    text = text[:4000]  # the syntax fuzz needs the head of a file, not all of a long one

    @FUZZ
    @given(data=mutated(valid, _keys(valid)))
    def structure(data: Any) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            _check(loader, path)

    @FUZZ
    @given(text=spliced(text))
    def syntax(text: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            _check(loader, path)

    return structure, syntax


def _rig_loader(path: Path) -> None:
    from harness.rig import load_rig
    from harness.targets import create_target

    rig = load_rig(path, path.parent)
    for target in rig.targets.values():
        create_target(target.config)  # the kinds check their own options


def _baseline_loader(path: Path) -> None:
    from harness.baselines import load_baseline

    load_baseline(path, "unix")


def _profile_loader(path: Path) -> None:
    from harness.audit.profile import load_profile

    load_profile(path)


def _manifest_loader(path: Path) -> None:
    from harness.firmware.manifest import load_manifest

    load_manifest(path.parent, path)


def _sidecar_loader(path: Path) -> None:
    from harness.instruments.sidecar import load_hardware_spec

    load_hardware_spec(path)


# Every target kind with the options it converts (numbers, sizes, choices).
RICH_RIG = """\
name: fuzz
results: results
retries: 1
targets:
  - {name: cpython, kind: cpython}
  - {name: unix, kind: unix, heapsize: 2M}
  - {name: webassembly, kind: webassembly, heapsize: 1M, memory_limit: 64M, pystack: 2048}
  - {name: microbit, kind: qemu-microbit, icount: 6, seed: 1, serial: pipe, boot_timeout: 5,
     chunk_size: 32, chunk_delay_ms: 2, reset: soft}
  - {name: mps2, kind: qemu-mps2, firmware: /nonexistent.elf, reuse: false}
  - {name: pyboard, kind: board, port: socket://127.0.0.1:1, baud: 115200, reset: machine,
     reopen_timeout: 1, integrity: true, usb_ids: ["f055:9800"]}
"""


def _rich_rig() -> Path:
    path = Path(tempfile.mkdtemp(prefix="fuzz-rig-")) / "rich.yaml"
    path.write_text(RICH_RIG, encoding="utf-8")
    return path


FORMATS = {
    "rig": (REPO / "rigs" / "local.yaml", _rig_loader),
    "rig-all-kinds": (_rich_rig(), _rig_loader),
    "baseline": (REPO / "conformance" / "baselines" / "unix.yaml", _baseline_loader),
    "profile": (REPO / "conformance" / "profiles" / "cdr-emulator.yaml", _profile_loader),
    "manifest": (REPO / "firmware" / "manifest.yaml", _manifest_loader),
    "sidecar": (REPO / "specs" / "hardware" / "microbit" / "irq_response.yaml", _sidecar_loader),
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize("how", ["structure", "syntax"])
def test_fuzzed_files_load_or_fail_clearly(kind: str, how: str) -> None:
    valid_file, loader = FORMATS[kind]
    if not valid_file.exists():
        pytest.skip(f"no {kind} file in the repository to start from")
    structure, syntax = _fuzz_yaml(valid_file, loader, f"fuzzed-{kind}.yaml")
    (structure if how == "structure" else syntax)()


HEADER_KEYS = ["feature", "tags", "timeout", "requires", "targets", "Feature", "note", "feature "]
header_line = st.one_of(
    st.builds(lambda k, v: f"# {k}: {v}", st.sampled_from(HEADER_KEYS),
              st.text(max_size=30) | st.sampled_from(["1e309", "nan", "-1", "0", "inf", "3600.1",
                                                      "language.basics.print", "a b,c", ""])),
    st.text(max_size=40).map(lambda t: "#" + t),
    st.text(max_size=40),
)


@FUZZ
@given(lines=st.lists(header_line, max_size=8), body=st.binary(max_size=40))
def test_fuzzed_spec_headers_load_or_fail_clearly(lines: list[str], body: bytes) -> None:
    from harness.spec import load_spec

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "specs"
        root.mkdir()
        path = root / "fuzzed_spec.py"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n" + body)
        _check(lambda p: load_spec(p, root), path)
