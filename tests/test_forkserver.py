"""The CPython fork server: nothing a spec needs inside its timed run waits on a disk.

Under heavy load (two runs at once) trivial specs timed out: the child read the spec file
(paged out by the host a minute after its last use) and the server unlinked its capture
files on the disk-backed /tmp, and both waited seconds behind the disk's write backlog.
"""

from __future__ import annotations

import os
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
