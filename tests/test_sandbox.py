"""Host targets run specs sandboxed (harness.sandbox): hostile specs get a verdict, the harness
lives on, and nothing is written outside the spec's own directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.records import Verdict
from harness.rig import load_rig
from harness.sandbox import Limits, landlock_abi, launcher_argv
from harness.session import Session
from harness.targets.webassembly import find_node_modules

REPO = Path(__file__).resolve().parent.parent
HAVE_NODE = shutil.which("node") is not None and find_node_modules() is not None
needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="needs Landlock ABI 6 (Linux 6.12)")

# Each spec names the harness's pid and the places it must not touch as literals: the
# sandbox points HOME at the spec's own directory, so "~" would be harmless anyway.
HOSTILE = {
    "write_repo": "open({repo!r}, 'w').write('x')\nprint('wrote')\n",
    "write_home": "open({home!r}, 'w').write('x')\nprint('wrote')\n",
    "kill_harness": "import os\nos.kill({pid}, 9)\nprint('killed')\n",
    "kill_parent": "import os\nos.kill(os.getppid(), 9)\nprint('killed')\n",
    "shell_kill": "import os\nos.system('kill -9 {pid}')\nprint('after')\n",
    "allocate": "n = 1 << 20\nx = []\nwhile True:\n    x.append(bytearray(n))\n    n *= 2\n",
    "print_100mb": "line = 'x' * 99\nfor i in range(1000000):\n    print(line)\n",
    "own_dir": "f = open('mine.txt', 'w')\nf.write('ok')\nf.close()\nprint(open('mine.txt').read())\n",
}


def _targets() -> str:
    wasm = "  - {name: webassembly, kind: webassembly, memory_limit: 64M}\n" if HAVE_NODE else ""
    return ("name: sandbox\nresults: results\nhealth: {probe: false, max_infra: 0}\ntargets:\n"
            "  - {name: cpython, kind: cpython}\n  - {name: unix, kind: unix, heapsize: 256k}\n" + wasm)


@pytest.fixture
def hostile(project, tmp_path):
    canary_repo = REPO / f"SANDBOX-CANARY-{os.getpid()}"
    canary_home = Path.home() / f"SANDBOX-CANARY-{os.getpid()}"
    specs = {}
    for name, body in HOSTILE.items():
        source = body.format(repo=str(canary_repo), home=str(canary_home), pid=os.getpid())
        project.spec(f"hostile/{name}.py", source, header="# timeout: 20\n")
        specs[name] = project.root / "specs" / "hostile" / f"{name}.py"
    (project.root / "rigs" / "local.yaml").write_text(_targets())
    yield project, specs
    for canary in (canary_repo, canary_home):
        canary.unlink(missing_ok=True)


@needs_landlock
def test_hostile_specs_get_verdicts_and_touch_nothing(hostile):
    from harness.spec import load_spec

    project, paths = hostile
    rig = load_rig(project.root / "rigs" / "local.yaml", project.root)
    session = Session(project.root, rig)
    results = {}
    try:
        for name, path in paths.items():
            spec = load_spec(path, project.root / "specs")
            for target in rig.targets:
                results[name, target] = session.run_item(spec, target)
    finally:
        session.close()
    pid = os.getpid()
    assert not (REPO / f"SANDBOX-CANARY-{pid}").exists()
    assert not (Path.home() / f"SANDBOX-CANARY-{pid}").exists()
    for (name, target), result in results.items():
        outcome = result.outcome
        assert result.verdict is not Verdict.INFRA, (name, target, result.reason)
        assert "wrote" not in outcome.stdout and "killed" not in outcome.stdout, (name, target)
        if name == "print_100mb":
            assert result.verdict is Verdict.RESOURCE and outcome.output_capped, (target, result.reason)
            assert len(outcome.stdout) < 2 << 20
        elif name == "own_dir":
            assert result.verdict is Verdict.PASS, (target, result.reason)
        elif name == "allocate" and target != "webassembly":
            assert outcome.exception == "MemoryError", (target, outcome.stderr[-300:])
        elif name in ("write_repo", "write_home") and target != "webassembly":
            # (the WebAssembly port writes to its own in-memory file system)
            assert outcome.exception in ("PermissionError", "OSError"), (name, target, outcome.stderr)
        elif name == "kill_harness" and target == "cpython":
            assert outcome.exception == "PermissionError", outcome.stderr
    # The fork server of the cpython target outlived the spec that tried to kill it: the
    # reference (the same fork server machinery) says PermissionError too.
    assert results["kill_parent", "cpython"].verdict is Verdict.PASS
    assert results["kill_parent", "cpython"].expected.exception == "PermissionError"


@needs_landlock
@pytest.mark.skipif(not HAVE_NODE, reason="needs node and `npm install`")
def test_node_cannot_write_outside_or_signal_through_the_js_module(hostile):
    from harness.spec import load_spec

    project, _ = hostile
    canary = REPO / f"SANDBOX-CANARY-{os.getpid()}"
    body = (f"import js\nfs = js.process.getBuiltinModule('fs')\n"
            f"fs.writeFileSync({str(canary)!r}, 'x')\nprint('wrote')\n")
    path = project.spec("hostile/js_write.py", body)
    kill = project.spec("hostile/js_kill.py", f"import js\njs.process.kill({os.getpid()}, 9)\n")
    rig = load_rig(project.root / "rigs" / "local.yaml", project.root)
    session = Session(project.root, rig, ["webassembly"])
    try:
        wrote = session.run_item(load_spec(path, project.root / "specs"), "webassembly")
        killed = session.run_item(load_spec(kill, project.root / "specs"), "webassembly")
        after = session.run_item(load_spec(project.root / "specs" / "hostile" / "own_dir.py",
                                           project.root / "specs"), "webassembly")
    finally:
        session.close()
    assert not canary.exists()
    assert "EACCES" in wrote.outcome.detail and "wrote" not in wrote.outcome.stdout
    assert "EPERM" in killed.outcome.detail
    assert after.verdict is Verdict.PASS  # the worker goes on


@needs_landlock
def test_the_launcher_drops_root_and_cannot_raise_its_limits(tmp_path):
    probe = (
        "import resource, os\n"
        "print(open('/proc/self/status').read().split('CapEff:')[1].split()[0])\n"
        "try:\n resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)\n"
        " print('raised')\nexcept (ValueError, OSError):\n print('kept')\n"
        "print(os.environ['HOME'] == os.getcwd())\n"
    )
    argv = launcher_argv(sys.executable, [str(tmp_path)], Limits(memory=1 << 30),
                         [sys.executable, "-S", "-c", probe])
    out = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0000000000000000", "kept", "True"]
