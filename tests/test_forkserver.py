"""The CPython fork server: nothing a spec needs inside its timed run waits on a disk.

Under heavy load (two runs at once) trivial specs timed out: the child read the spec file
(paged out by the host a minute after its last use) and the server unlinked its capture
files on the disk-backed /tmp, and both waited seconds behind the disk's write backlog.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness.forkserver import ForkServer
from harness.reference import spec_env
from harness.sandbox import RAM_DIR_MIN_FREE, filesystem_type, private_dir


def _ram_room() -> bool:
    try:
        room = os.statvfs("/dev/shm")
    except OSError:
        return False
    return filesystem_type("/dev/shm") == "tmpfs" and room.f_bavail * room.f_frsize >= RAM_DIR_MIN_FREE


needs_tmpfs = pytest.mark.skipif(not _ram_room(), reason="no tmpfs with room at /dev/shm")


@pytest.fixture
def server():
    server = ForkServer(sys.executable, spec_env())
    server.start()
    yield server
    server.stop()


@needs_tmpfs
def test_a_spec_runs_and_writes_in_memory_not_on_disk(server, tmp_path):
    spec = tmp_path / "where.py"
    spec.write_text("import os\nprint(os.getcwd())\nopen('mine.txt', 'w').write('x')\n")
    result = server.run(spec, 10)
    assert result.returncode == 0, result.stderr
    cwd = result.stdout.strip()
    assert server.root is not None and cwd.startswith(server.root + "/")
    assert filesystem_type(cwd) in ("tmpfs", "ramfs")


def test_the_child_runs_the_source_it_is_given_without_opening_the_file(server):
    missing = Path("/nonexistent-harness-dir/spec.py")
    result = server.run(missing, 10, source=b"import sys\nprint(__file__, sys.argv)\n")
    assert (result.returncode, result.stdout) == (0, f"{missing} ['{missing}']\n")


def test_a_spec_file_that_cannot_be_read_fails_as_under_cpython(server):
    result = server.run(Path("/nonexistent-harness-dir/spec.py"), 10)
    assert result.returncode == 1 and "FileNotFoundError" in result.stderr


def test_private_dir_falls_back_to_the_temp_dir_without_a_roomy_tmpfs(monkeypatch):
    import tempfile

    import harness.sandbox as sandbox

    monkeypatch.setattr(sandbox, "RAM_DIR_MIN_FREE", 1 << 62)
    made = private_dir("harness-test-")
    try:
        assert os.path.dirname(made) == tempfile.gettempdir()
    finally:
        os.rmdir(made)


def test_filesystem_type_names_the_deepest_mount():
    assert filesystem_type("/proc/self/status") == "proc"
    assert filesystem_type("/") != ""


def test_a_spec_sees_no_module_the_server_brought_in(server, tmp_path):
    """The server loads the sandbox (ctypes, dataclasses, ...) and atexit, then takes them out of
    sys.modules once, so children are forked from a clean table instead of cleaning it."""
    spec = tmp_path / "modules.py"
    spec.write_text("import sys\nprint(sorted(m for m in ('sandbox', 'ctypes', 'dataclasses', 'atexit',"
                    " 're', 'inspect') if m in sys.modules))\n")
    for _ in range(2):  # the second child is forked after the first one ran: still clean
        result = server.run(spec, 10)
        assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")


def test_a_spec_imports_from_its_folder_and_the_standard_library_not_the_harness(server, tmp_path):
    """sys.path as for `python spec.py`: the spec's folder first, and not harness/ (the
    server's own folder), whose modules (session, store, parallel, ...) would otherwise be
    importable by specs and shadow standard modules of the same name."""
    (tmp_path / "helper.py").write_text("VALUE = 7\n")
    spec = tmp_path / "paths.py"
    spec.write_text("import sys, os\nimport helper, concurrent.futures, asyncio\n"
                    "print(sys.path[0] == os.path.dirname(__file__), helper.VALUE)\n"
                    "try:\n    import forkserver_child\nexcept ImportError:\n    print('no harness')\n")
    result = server.run(spec, 10)
    assert (result.returncode, result.stdout, result.stderr) == (0, "True 7\nno harness\n", "")


def test_a_specs_exit_functions_run_as_under_cpython(server, tmp_path):
    """Exit functions live in the interpreter, not in the atexit module object: those a spec
    registers through its own `import atexit` run when it ends, after its output, also on
    sys.exit, and an error in one is printed as CPython prints it."""
    spec = tmp_path / "at_exit.py"
    spec.write_text("import atexit, sys\natexit.register(print, 'second')\n"
                    "atexit.register(print, 'first')\nprint('body')\nsys.exit(3)\n")
    result = server.run(spec, 10)
    fresh = subprocess.run([sys.executable, "-S", str(spec)], capture_output=True, text=True,
                           env=spec_env(), timeout=30)
    assert (result.returncode, result.stdout) == (fresh.returncode, fresh.stdout)
    assert (result.returncode, result.stdout) == (3, "body\nfirst\nsecond\n")


PRELOADED_SPEC = """\
import sys
print('asyncio' in sys.modules, [type(f).__name__ for f in sys.meta_path][-3:])
import logging


class Closing(logging.Handler):
    def close(self):
        print('closed at exit')  # logging's own exit function closes every handler
        super().close()


logging.getLogger('spec').addHandler(Closing())
import asyncio
import asyncio.events
from asyncio import tasks
import re


async def main():
    await asyncio.sleep(0)
    return 'ran'

print(asyncio.run(main()), tasks is asyncio.tasks, asyncio.events.__spec__.name)
print(asyncio.__spec__.name, asyncio.__spec__.origin.endswith('asyncio/__init__.py'), re.__spec__.name)
print(sorted(m for m in sys.modules if m.startswith('asyncio.'))[:4], type(sys.meta_path[0]).__name__)
"""


def test_a_preloaded_module_is_imported_as_under_cpython(server, tmp_path):
    """asyncio comes from the server's import (not from disk again), as a fresh import would be:
    same specs, the whole package, and the exit function logging registered when imported."""
    spec = tmp_path / "preloaded.py"
    spec.write_text(PRELOADED_SPEC)
    fresh = subprocess.run([sys.executable, "-S", str(spec)], capture_output=True, text=True,
                           env=spec_env(), timeout=30)
    assert fresh.returncode == 0, fresh.stderr
    for _ in range(2):  # the exit function is not registered twice: each child has its own
        result = server.run(spec, 10)
        assert (result.returncode, result.stdout, result.stderr) == (0, fresh.stdout, "")
    assert fresh.stdout.count("closed at exit") == 1 and "ran True asyncio.events" in fresh.stdout


def test_each_spec_starts_in_an_empty_folder(server, tmp_path):
    """Every spec runs in the server's one spec folder, emptied after each spec: what a spec
    leaves there (files, folders) is gone for the next one."""
    litter = tmp_path / "litter.py"
    litter.write_text("import os\nopen('left.txt', 'w').write('x')\nos.makedirs('a/b')\n"
                      "open('a/b/deep.txt', 'w').write('y')\nprint(sorted(os.listdir('.')))\n")
    look = tmp_path / "look.py"
    look.write_text("import os\nprint(sorted(os.listdir('.')), os.environ['HOME'] == os.getcwd())\n")
    first = server.run(litter, 10)
    assert (first.returncode, first.stdout) == (0, "['a', 'left.txt']\n"), first.stderr
    assert server.run(look, 10).stdout == "[] True\n"


def test_a_folder_a_spec_locked_is_replaced(server, tmp_path):
    """A spec that makes its folder unreadable (or removes it, where Landlock lets it) leaves
    the server a folder it cannot empty: it is put aside and the next spec gets a new one,
    confined like the first."""
    lock = tmp_path / "lock.py"
    lock.write_text("import os\nopen('left.txt', 'w').write('x')\nos.chmod('.', 0)\nprint('locked')\n")
    write = tmp_path / "write.py"
    write.write_text("import os\nprint(os.listdir('.'))\nopen('mine.txt', 'w').write('ok')\n"
                     "print(open('mine.txt').read())\n")
    assert server.run(lock, 10).stdout == "locked\n"
    result = server.run(write, 10)
    assert (result.returncode, result.stdout) == (0, "[]\nok\n"), result.stderr


def test_only_specs_naming_asyncio_start_the_server_that_preloads_it(server, tmp_path):
    """A server that has asyncio imported costs every fork more, so specs that do not name it
    fork from the lean server; the preloading one starts when a spec first needs it."""
    plain = tmp_path / "plain.py"
    plain.write_text("print('plain')\n")
    assert server.run(plain, 10).stdout == "plain\n"
    assert len(server.pids()) == 1
    uses = tmp_path / "uses.py"
    uses.write_text("import asyncio\nprint(asyncio.run(asyncio.sleep(0, 'slept')))\n")
    assert server.run(uses, 10).stdout == "slept\n"
    assert len(server.pids()) == 2
    lean, preloading = server.pids()
    server.stop()
    for pid in (lean, preloading):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_folders_of_a_killed_harness_are_swept(tmp_path, monkeypatch):
    """A worker folder whose creator is gone (a harness killed with SIGKILL) is removed when a
    new one is made; one whose creator lives stays."""
    import harness.sandbox as sandbox

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = tmp_path / f"harness-test-{dead}-abc"
    (left / "lean" / "spec").mkdir(parents=True)
    (left / "lean" / "stdout").write_text("x")
    mine = tmp_path / f"harness-test-{os.getpid()}-def"
    mine.mkdir()
    other = tmp_path / "harness-test-notapid"
    other.mkdir()
    monkeypatch.setattr(sandbox, "_SWEPT", set())
    assert sandbox.sweep_left_behind(str(tmp_path), "harness-test-") == [str(left)]
    assert not left.exists() and mine.exists() and other.exists()
    assert sandbox.sweep_left_behind(str(tmp_path), "harness-test-") == []  # once per process
