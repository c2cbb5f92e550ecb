"""The orphan check of the test session (tests/processes.py) finds what it must, and only that."""

from __future__ import annotations

import os
import subprocess
import uuid

from processes import TAG_VARIABLE, leftovers, tagged_processes


def test_a_tagged_process_is_found_until_it_ends():
    tag = uuid.uuid4().hex
    child = subprocess.Popen(["sleep", "30"], env={**os.environ, TAG_VARIABLE: tag})
    other = subprocess.Popen(["sleep", "30"], env={**os.environ, TAG_VARIABLE: "someone-else"})
    try:
        assert tagged_processes(tag) == [f"{child.pid} sleep"]
        assert tagged_processes(tag, names=("node",)) == []
        child.kill()
        child.wait()
        assert leftovers(tag, names=("sleep",), grace_s=1) == []
    finally:
        for proc in (child, other):
            proc.kill()
            proc.wait()
