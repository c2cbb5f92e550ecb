"""The one small interface every kind of target implements."""

from __future__ import annotations

import abc
import logging
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from harness.records import Identity, Outcome, Spec

log = logging.getLogger("harness.targets")

# Modules probed on every target, so a missing one gives UNSUPPORTED from evidence.
PROBE_MODULES: tuple[str, ...] = (
    "array", "asyncio", "binascii", "cmath", "collections", "errno", "gc", "hashlib", "heapq",
    "io", "json", "machine", "math", "micropython", "os", "random", "re", "select", "struct",
    "sys", "time", "uasyncio", "ubinascii", "ucollections", "uctypes", "uerrno", "uhashlib",
    "uheapq", "uio", "ujson", "uos", "urandom", "ure", "uselect", "ustruct", "utime",
    "framebuf", "microbit", "pyb", "deflate", "platform", "vfs", "ssl", "socket", "_thread",
)

# Capabilities that are not modules, probed by compiling a tiny program. A spec names
# them in `# requires:` like modules (e.g. `# requires: micropython, emitter.viper`).
FEATURE_PROBES: dict[str, str] = {
    "emitter.native": "import micropython\n@micropython.native\ndef f():\n  return 1\nf()\n",
    "emitter.viper": "import micropython\n@micropython.viper\ndef f() -> int:\n  return 1\nf()\n",
}


@dataclass(frozen=True)
class Capabilities:
    """What a target has, probed at start."""

    modules: frozenset[str] = frozenset()
    modes: tuple[str, ...] = ("bytecode",)  # run modes: bytecode, native, viper, mpy
    max_source_bytes: int | None = None  # largest spec source the target can compile, if known
    extra: dict[str, Any] = field(default_factory=dict)

    def lacks(self, module: str) -> bool:
        return module not in self.modules


@dataclass
class TargetConfig:
    """A target as a rig file describes it."""

    name: str
    kind: str
    options: dict[str, Any] = field(default_factory=dict)


class Target(abc.ABC):
    """One place specs run. Subclasses register themselves by ``kind``."""

    kind: ClassVar[str] = ""
    registry: ClassVar[dict[str, type[Target]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            Target.registry[cls.kind] = cls

    def __init__(self, config: TargetConfig):
        self.config = config
        self.name = config.name
        self.options = config.options

    @abc.abstractmethod
    def start(self) -> None:
        """Bring the target to the point where ``run`` works."""

    @abc.abstractmethod
    def identity(self) -> Identity:
        """What the target runs: implementation, version, board, firmware."""

    @abc.abstractmethod
    def capabilities(self) -> Capabilities:
        """Probed features (modules, modes)."""

    @abc.abstractmethod
    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        """Run one spec and report what happened. Never raises for target faults."""

    def reset(self) -> None:
        """Return to a clean state between specs (default: nothing to do)."""

    def pause(self) -> None:
        """Stop using the host's CPU until ``resume``: the session runs another target now.
        (Default: nothing to do; an idle worker process sleeps anyway.)"""

    def resume(self) -> None:
        """Undo ``pause`` before the target's next spec (default: nothing to do)."""

    def yield_cpu(self, nice: int) -> None:
        """Run its processes at this lower priority (targets running at once: an emulator
        must not starve the host targets beside it). Default: nothing to lower."""

    @abc.abstractmethod
    def stop(self) -> None:
        """Release every process and port. Safe to call twice."""

    def __enter__(self) -> Target:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_TRACEBACK_LAST = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")


def exception_name(stderr: str) -> str | None:
    """The exception type named by the last line of a traceback, CPython or MicroPython."""
    if "Traceback (most recent call last)" not in stderr:
        return None
    for line in reversed(stderr.strip().splitlines()):
        match = _TRACEBACK_LAST.match(line.strip())
        if match:
            return match.group(1).rsplit(".", 1)[-1]
    return None


_TRACEBACK_HEAD = "Traceback (most recent call last):\n"


def split_traceback(stdout: str, exit_code: int | None) -> tuple[str, str]:
    """Split a traceback the interpreter wrote to stdout off into stderr.

    The MicroPython PC port prints uncaught-exception tracebacks on file descriptor 1;
    a traceback only counts when the program ended with a non-zero status.
    """
    if not exit_code:
        return stdout, ""
    index = stdout.rfind(_TRACEBACK_HEAD)
    if index < 0 or (index > 0 and stdout[index - 1] != "\n"):
        return stdout, ""
    return stdout[:index], stdout[index:]
