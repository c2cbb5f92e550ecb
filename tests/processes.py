"""Processes a test session started, found by a tag in their environment (so QEMU or Node
processes of other users on the machine are never mistaken for ours)."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

TAG_VARIABLE = "HARNESS_PROCESS_TAG"
WATCHED = ("qemu-system-arm", "node")


def session_tag() -> str:
    """The tag of this test session; every process it starts inherits it."""
    return os.environ.setdefault(TAG_VARIABLE, uuid.uuid4().hex)


def tagged_processes(tag: str, names: tuple[str, ...] | None = None) -> list[str]:
    """``"pid name"`` of live (not zombie) processes whose environment carries ``tag``."""
    marker = f"{TAG_VARIABLE}={tag}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or entry.name == str(os.getpid()):
            continue
        try:
            if marker not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if state != "Z" and (names is None or name in names):
            found.append(f"{entry.name} {name}")
    return found


def leftovers(tag: str, names: tuple[str, ...] = WATCHED, grace_s: float = 5.0) -> list[str]:
    """What is still running after ``grace_s`` (processes being stopped get that long)."""
    deadline = time.monotonic() + grace_s
    while True:
        found = tagged_processes(tag, names)
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.1)
