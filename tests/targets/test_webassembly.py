"""The webassembly target against the real MicroPython WebAssembly port in a Node worker."""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.firmware.mpy import mpy_unavailable
from harness.records import Spec
from harness.spec import load_spec
from harness.targets import TargetConfig, create_target
from harness.targets.webassembly import WebAssemblyTarget, find_node_modules, parse_size

HAVE_NODE = shutil.which("node") is not None and find_node_modules() is not None
needs_node = pytest.mark.skipif(not HAVE_NODE, reason="needs node and `npm install`")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Specs:
    """Spec files written into tmp_path and loaded as the harness loads them."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str, body: str, timeout: float | None = None) -> Spec:
        header = "# feature: language.basics.print\n"
        if timeout is not None:
            header += f"# timeout: {timeout}\n"
        path = self.root / f"{name}.py"
        path.write_text(header + body)
        return load_spec(path, self.root)


@pytest.fixture
def spec(tmp_path: Path) -> Specs:
    return Specs(tmp_path / "specs")


@pytest.fixture
def wasm_factory() -> Iterator:
    """Targets made through the registry; every Node process they started is gone after."""
    targets: list[WebAssemblyTarget] = []
    pids: set[int] = set()

    def make(**options: object) -> WebAssemblyTarget:
        target = create_target(TargetConfig("webassembly", "webassembly", dict(options)))
        assert isinstance(target, WebAssemblyTarget)
        target.start()
        targets.append(target)
        return target

    def track(target: WebAssemblyTarget) -> None:
        if target._worker is not None:
            pids.add(target._worker.pid)

    make.track = track  # type: ignore[attr-defined]
    yield make
    for target in targets:
        track(target)
        target.stop()
        target.stop()  # safe twice
    for pid in pids:
        assert not _alive(pid), f"Node worker {pid} outlived its target"


@pytest.fixture
def wasm(wasm_factory) -> WebAssemblyTarget:
    return wasm_factory(memory_limit="64M")


# -- fast: no Node needed --------------------------------------------------------------


def test_parse_size():
    assert parse_size(4096, "x") == 4096
    assert parse_size("256k", "x") == 256 * 1024
    assert parse_size("1M", "x") == 1 << 20
    assert parse_size("0", "x") == 0
    with pytest.raises(HarnessError, match="heapsize"):
        parse_size("lots", "heapsize")


def test_missing_package_is_a_user_error(tmp_path: Path):
    target = create_target(TargetConfig("w", "webassembly", {"node_modules": str(tmp_path)}))
    with pytest.raises(HarnessError, match="npm install"):
        target.start()
    outcome = target.run(Specs(tmp_path / "s")("one", "print(1)\n"))
    assert outcome.link_failed and "npm install" in outcome.detail


def test_bad_memory_limit_is_a_user_error():
    with pytest.raises(HarnessError, match="memory_limit"):
        create_target(TargetConfig("w", "webassembly", {"memory_limit": "4M"}))


# -- slow: the real port in Node ---------------------------------------------------------


@pytest.mark.slow
@needs_node
def test_prints_stdout_and_stderr_apart(wasm, spec):
    out = wasm.run(spec("p", "import sys\nprint('x', 2 ** 65)\nprint('err', file=sys.stderr)\n"
                             "sys.stdout.write('no newline')\n"))
    assert out.stdout == "x 36893488147419103232\nno newline"
    assert out.stderr == "err\n"
    assert (out.exit_code, out.exception, out.timed_out, out.crashed) == (0, None, False, False)
    assert out.duration_s > 0


@pytest.mark.slow
@needs_node
def test_globals_do_not_leak_between_specs(wasm, spec):
    assert wasm.run(spec("set", "leak = 1\nprint(sorted(globals()))\n")).exit_code == 0
    out = wasm.run(spec("get", "print('leak' in globals(), sorted(globals()))\n"))
    assert out.stdout == "False ['__name__']\n"


@pytest.mark.slow
@needs_node
def test_sys_exit_codes(wasm, spec):
    out = wasm.run(spec("three", "print('before')\nimport sys\nsys.exit(3)\nprint('after')\n"))
    assert (out.stdout, out.stderr, out.exit_code, out.exception) == ("before\n", "", 3, None)
    assert wasm.run(spec("zero", "import sys\nsys.exit()\n")).exit_code == 0
    out = wasm.run(spec("msg", "import sys\nsys.exit('bye')\n"))
    assert (out.stderr, out.exit_code, out.exception) == ("bye\n", 1, None)


@pytest.mark.slow
@needs_node
def test_uncaught_exception_gives_its_name_and_traceback(wasm, spec):
    out = wasm.run(spec("exc", "print('before')\ndef f():\n    raise KeyError(1)\nf()\n"))
    assert out.stdout == "before\n"
    assert out.exit_code == 1 and out.exception == "KeyError"
    assert out.stderr.startswith("Traceback (most recent call last):")
    assert "line 4, in f" in out.stderr  # line numbers of the file, header included


@pytest.mark.slow
@needs_node
def test_input_sees_end_of_file(wasm, spec):
    out = wasm.run(spec("inp", "try:\n    input('name? ')\nexcept EOFError:\n    print('eof')\n"))
    assert out.stdout == "name? eof\n"


@pytest.mark.slow
@needs_node
def test_infinite_loop_times_out_and_next_spec_passes(wasm_factory, spec):
    wasm = wasm_factory()
    first = wasm._worker.pid
    wasm_factory.track(wasm)
    out = wasm.run(spec("hang", "while True:\n    pass\n", timeout=0.5))
    assert out.timed_out and not out.crashed and "worker replaced" in out.detail
    assert 0.5 <= out.duration_s < 5
    assert not _alive(first)
    wasm_factory.track(wasm)
    assert wasm._worker.pid != first
    out = wasm.run(spec("ok", "print('next')\n"))
    assert (out.stdout, out.exit_code, out.timed_out) == ("next\n", 0, False)


@pytest.mark.slow
@needs_node
def test_worker_killed_mid_spec_is_a_crash_and_next_spec_passes(wasm_factory, spec):
    wasm = wasm_factory()
    victim = wasm._worker.pid
    wasm_factory.track(wasm)
    killer = threading.Timer(0.3, os.kill, (victim, signal.SIGKILL))
    killer.start()
    try:
        out = wasm.run(spec("busy", "while True:\n    pass\n", timeout=20))
    finally:
        killer.cancel()
    assert out.crashed and not out.timed_out
    assert "SIGKILL" in out.detail and "worker replaced" in out.detail
    assert out.duration_s < 10
    wasm_factory.track(wasm)
    assert wasm.run(spec("ok", "print(2)\n")).stdout == "2\n"


@pytest.mark.slow
@needs_node
def test_heapsize_is_only_the_first_heap_area(wasm_factory, spec):
    wasm = wasm_factory(heapsize="256k", memory_limit="64M")
    out = wasm.run(spec("forty", "b = bytearray(40 * 1024 * 1024)\nprint(len(b))\n"))
    assert (out.stdout, out.exception) == ("41943040\n", None)


@pytest.mark.slow
@needs_node
@pytest.mark.parametrize("body", [
    "l = []\nwhile True:\n    l.append(bytearray(1 << 20))\n",  # big blocks
    "l = []\nwhile True:\n    l.append(str(len(l)) * 10)\n",  # many small objects
    "b = bytearray(200 * 1024 * 1024)\n",  # one block above the 128 MiB split limit
], ids=["blocks", "small-objects", "one-huge"])
def test_running_out_of_memory_is_a_memory_error(wasm, spec, body):
    out = wasm.run(spec("oom", body, timeout=20))
    assert out.exception == "MemoryError", out
    assert not out.timed_out and not out.crashed
    assert "memory allocation failed" in out.stderr
    assert wasm.run(spec("ok", "print('fine')\n")).stdout == "fine\n"


@pytest.mark.slow
@needs_node
def test_memory_error_caught_forever_still_reports_memory_error(wasm, spec):
    # Catching MemoryError and allocating again: this port never collects garbage mid-spec,
    # so the spec spins on MemoryErrors until its timeout; the worker saw the heap cap.
    body = ("while True:\n    try:\n        l = [bytearray(1000) for i in range(100000)]\n"
            "    except MemoryError:\n        pass\n")
    out = wasm.run(spec("caught", body, timeout=2))
    assert out.exception == "MemoryError" and not out.timed_out
    assert "memory limit" in out.detail and "worker replaced" in out.detail
    assert wasm.run(spec("ok", "print('fine')\n")).stdout == "fine\n"


@pytest.mark.slow
@needs_node
def test_identity_and_capabilities(wasm):
    ident = wasm.identity()
    assert ident.implementation.startswith("micropython 1.")
    assert ident.kind == "webassembly" and ident.machine == "JS with Emscripten"
    assert ident.firmware.startswith("@micropython/micropython-webassembly-pyscript@1.")
    assert ident.extra["platform"] == "webassembly"
    caps = wasm.capabilities()
    assert {"json", "micropython", "gc", "asyncio", "struct"} <= caps.modules
    assert not {"pyb", "machine", "microbit", "_thread"} & caps.modules
    # .mpy when this machine has an mpy-cross for the port's .mpy version (harness.firmware.mpy).
    assert caps.modes == ("bytecode", "mpy") if mpy_unavailable(wasm._sys_mpy()) is None else ("bytecode",)


@pytest.mark.slow
@needs_node
def test_a_spec_runs_as_mpy_from_a_ram_filesystem(wasm, spec):
    if mpy_unavailable(wasm._sys_mpy()):
        pytest.skip(f"no .mpy here: {mpy_unavailable(wasm._sys_mpy())}")
    body = "import sys\nif __name__ == '__main__':\n    print('main', '/__mpy' in sys.path)\n"
    out = wasm.run(spec("as_mpy", body), mode="mpy")
    assert (out.stdout, out.stderr, out.exception) == ("main False\n", "", None)
    out = wasm.run(spec("raises", "def f():\n    1 / 0\nf()\n"), mode="mpy")
    # Tracebacks name the spec by its id (line 3: after the feature line).
    assert out.exception == "ZeroDivisionError" and 'File "raises.py", line 3, in f' in out.stderr


@pytest.mark.slow
@needs_node
def test_other_modes_are_unsupported(wasm, spec):
    out = wasm.run(spec("p", "print(1)\n"), mode="native")
    assert out.unsupported and "native" in out.unsupported


@pytest.mark.slow
@needs_node
def test_two_hundred_specs_through_one_worker(wasm, spec):
    pid = wasm._worker.pid
    tiny = spec("tiny", "print('hello')\n")
    durations = []
    for _ in range(200):
        out = wasm.run(tiny)
        assert (out.stdout, out.exit_code) == ("hello\n", 0)
        durations.append(out.duration_s)
    assert wasm._worker.pid == pid
    assert statistics.median(durations) < 0.05  # measured about 2 ms
