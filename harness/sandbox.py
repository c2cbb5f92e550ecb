"""Host-side sandbox for the processes that run specs (CPython, the unix port, Node).

A spec is arbitrary code. On a host target it gets:

- **its own writable directory** and nothing else: Landlock (Linux 5.13+) denies every
  write-like access (create, write, truncate, remove, rename, link, mknod) outside the
  directories given, for the process and everything it starts; reading stays allowed
  (specs import the standard library, Node loads its modules). ``HOME`` and ``TMPDIR``
  point into the writable directory, so well-behaved code finds a place to write. The
  fork server's and the unix worker's directories are on tmpfs where there is one
  (``private_dir``): no disk wait inside a spec's timeout.
- **no way to signal the harness**: Landlock's signal scope (ABI 6, Linux 6.12+) denies
  signals to any process outside the sandbox's own domain; a spec can kill its own
  worker (the harness sees a crash and replaces it), never the harness, QEMU or another
  worker. Landlock also forbids ptrace of processes outside the domain.
- **no privileges**: when the harness runs as root, every capability is dropped (bounding,
  permitted, effective, inheritable, ambient) and ``SECBIT_NOROOT`` locked, so root's
  programs cannot raise their own limits, bypass file permissions or regain power
  through exec; ``no_new_privs`` is set in every case.
- **limits**: address space (``RLIMIT_AS``; ``RLIMIT_DATA`` for Node, whose WebAssembly
  reserves gigabytes of address space it never touches), CPU seconds where a process
  runs one spec, written file size (``RLIMIT_FSIZE``: output goes to files, so this is
  the output cap; more is cut and reported), no core files, and a process count (which
  the kernel does not apply to uid 0: as root, a fork bomb is stopped only by the
  timeout, which kills the spec's process group).
- a **timeout** enforced by the harness, which kills the whole process group.

``status()`` says which of these this machine enforces; the targets record it in their
identity. Without Landlock the limits and the privilege drop still apply, but writes
outside the directory are not prevented.

This file only imports the standard library: the fork server loads it by path, and it
runs as a launcher (``python -S sandbox.py --write DIR ... -- program args``) that
confines itself and then executes the program.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass

OUTPUT_CAP = 1 << 20  # bytes kept per stream; more is cut and marked
MEMORY_LIMIT = 1 << 30  # address space per spec process
TRUNCATED = "\n[... output truncated by the harness ...]\n"
# A RAM-backed filesystem with less room than this is not used for workers' files (a
# container's default /dev/shm is 64 MiB: a few specs' output could fill it).
RAM_DIR_MIN_FREE = 256 << 20

# Landlock ABI (include/uapi/linux/landlock.h). The syscall numbers are the same on every
# architecture (they were added after the tables were unified).
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_WRITE_FILE, _REMOVE_DIR, _REMOVE_FILE = 1 << 1, 1 << 4, 1 << 5
_MAKE = sum(1 << bit for bit in range(6, 13))  # char, dir, reg, sock, fifo, block, sym
_REFER, _TRUNCATE = 1 << 13, 1 << 14  # ABI 2, ABI 3
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6
_PR_SET_NO_NEW_PRIVS, _PR_CAPBSET_DROP, _PR_SET_SECUREBITS, _PR_CAP_AMBIENT = 38, 24, 28, 47
_PR_CAP_AMBIENT_CLEAR_ALL = 4
_SECBITS = (1 << 0) | (1 << 1) | (1 << 6) | (1 << 7)  # NOROOT(+LOCKED), NO_CAP_AMBIENT_RAISE(+LOCKED)


@dataclass(frozen=True)
class ProcessResult:
    """What a spec process left: its (capped) output, exit, duration."""

    stdout: str
    stderr: str
    returncode: int | None
    duration_s: float
    timed_out: bool
    signal: int | None = None
    output_capped: bool = False  # it wrote more than OUTPUT_CAP and was stopped


class SandboxError(Exception):
    """The sandbox could not be set up as asked."""


@dataclass(frozen=True)
class Limits:
    memory: int = MEMORY_LIMIT
    memory_kind: str = "as"  # "as" (address space) or "data" (Node)
    cpu_s: int | None = None
    file_size: int = OUTPUT_CAP + 1  # writing more raises SIGXFSZ (or EFBIG when ignored)
    nproc: int = 256


def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version; 0 when Landlock is missing or disabled."""
    try:
        libc = _libc()
        version = libc.syscall(_SYS_CREATE_RULESET, None, 0, _CREATE_RULESET_VERSION)
    except OSError:
        return 0
    return max(0, int(version))


def _write_access(abi: int) -> int:
    access = _WRITE_FILE | _REMOVE_DIR | _REMOVE_FILE | _MAKE
    if abi >= 2:
        access |= _REFER
    if abi >= 3:
        access |= _TRUNCATE
    return access


def _capabilities_effective() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("CapEff:"):
                    return int(line.split()[1], 16)
    except OSError:
        pass
    return 0


def status() -> dict[str, object]:
    """What the sandbox enforces on this machine (recorded in target identities)."""
    abi = landlock_abi()
    return {
        "landlock_abi": abi,
        "write_confined": abi >= 1,
        "signals_confined": abi >= 6,
        "privileges_dropped": True,
        "limits": "address space or data, cpu, file size (output cap), core, nproc (not for root)",
    }


def drop_privileges() -> None:
    """Give up every capability for good (a no-op for a process that has none)."""
    libc = _libc()
    libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if not _capabilities_effective():
        return
    libc.prctl(_PR_SET_SECUREBITS, _SECBITS, 0, 0, 0)  # needs CAP_SETPCAP: before the drop
    libc.prctl(_PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    try:
        with open("/proc/sys/kernel/cap_last_cap", encoding="ascii") as handle:
            last = int(handle.read())
    except (OSError, ValueError):
        last = 40
    for cap in range(last + 1):
        libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0)
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3: two data structs
    data = (Data * 2)()
    if libc.capset(ctypes.byref(header), data) != 0:
        raise SandboxError(f"capset failed: {os.strerror(ctypes.get_errno())}")
    if _capabilities_effective():
        raise SandboxError("capabilities are still effective after dropping them")


def restrict_writes(writable: list[str], scope_signals: bool = True) -> int:
    """Landlock: writes only beneath ``writable`` (and to /dev/null), signals only inside
    the domain. Returns the ABI used (0: Landlock missing, nothing restricted)."""
    landlock = Landlock(scope_signals)
    ruleset = landlock.ruleset(writable)
    if ruleset < 0:
        return 0
    try:
        landlock.enforce(ruleset)
    finally:
        os.close(ruleset)
    return landlock.abi


class Landlock:
    """Landlock rulesets (writes beneath some directories, signals kept inside), with the
    ctypes set-up done once.

    The fork server builds the ruleset of its spec folder once and each child it forks only
    enforces it: one system call, where building it (loading libc, the ctypes types, ten
    system calls) took up to 0.5 ms of every child.
    """

    def __init__(self, scope_signals: bool = True):
        import ctypes

        self.abi = landlock_abi()
        if self.abi < 1:
            return
        libc = _libc()
        self._syscall, self._prctl, self._errno = libc.syscall, libc.prctl, ctypes.get_errno
        self._byref = ctypes.byref

        class RulesetAttr(ctypes.Structure):
            _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                        ("scoped", ctypes.c_uint64)]

        class PathBeneath(ctypes.Structure):
            _pack_ = 1
            _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

        self._path_beneath = PathBeneath
        self._access = _write_access(self.abi)
        scoped = (_SCOPE_SIGNAL | _SCOPE_ABSTRACT_UNIX_SOCKET) if scope_signals and self.abi >= 6 else 0
        self._attr = RulesetAttr(self._access, 0, scoped)
        self._size = ctypes.sizeof(self._attr) if self.abi >= 6 else 16  # older kernels: two fields
        self._devnull_access = _WRITE_FILE | (_TRUNCATE if self.abi >= 3 else 0)

    def ruleset(self, writable: list[str]) -> int:
        """A ruleset allowing writes beneath ``writable`` (and to /dev/null): its file
        descriptor, or -1 when the kernel has no Landlock."""
        if self.abi < 1:
            return -1
        ruleset = self._syscall(_SYS_CREATE_RULESET, self._byref(self._attr), self._size, 0)
        if ruleset < 0:
            raise SandboxError(f"landlock_create_ruleset: {os.strerror(self._errno())}")
        try:
            for path, allowed in [*((p, self._access) for p in writable), (os.devnull, self._devnull_access)]:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                try:
                    rule = self._path_beneath(allowed, fd)
                    if self._syscall(_SYS_ADD_RULE, ruleset, _RULE_PATH_BENEATH, self._byref(rule), 0):
                        raise SandboxError(f"landlock_add_rule {path}: {os.strerror(self._errno())}")
                finally:
                    os.close(fd)
        except BaseException:
            os.close(ruleset)
            raise
        return ruleset

    def enforce(self, ruleset: int) -> None:
        """Confine the calling process (and what it starts) to ``ruleset``."""
        if ruleset < 0:
            return
        self._prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        if self._syscall(_SYS_RESTRICT_SELF, ruleset, 0):
            raise SandboxError(f"landlock_restrict_self: {os.strerror(self._errno())}")


def set_limits(limits: Limits) -> None:
    memory_limit = resource.RLIMIT_DATA if limits.memory_kind == "data" else resource.RLIMIT_AS
    resource.setrlimit(memory_limit, (limits.memory, limits.memory))
    if limits.cpu_s is not None:
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size, limits.file_size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.nproc, limits.nproc))


def confine(writable: list[str], limits: Limits) -> None:
    """Everything above, for the calling process and what it starts. Call it in the
    child, before running untrusted code."""
    drop_privileges()
    set_limits(limits)
    restrict_writes(writable)
    home = writable[0] if writable else None
    if home:
        os.environ["HOME"] = home
        os.environ["TMPDIR"] = home


def filesystem_type(path: str) -> str:
    """The type of the filesystem holding ``path`` ("tmpfs", "ext4", ...; "" when unknown)."""
    path = os.path.realpath(path)
    best, kind = "", ""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) < 3:
                    continue
                point = fields[1].replace("\\040", " ")
                inside = path == point or path.startswith(point.rstrip("/") + "/")
                if inside and len(point) >= len(best):  # the deepest (and last) mount wins
                    best, kind = point, fields[2]
    except OSError:
        return ""
    return kind


def private_dir(prefix: str) -> str:
    """A new directory for one worker's files: its capture files and each spec's folder.

    Made on a RAM-backed filesystem (tmpfs) when there is one with room. These files are
    created, truncated and removed for every spec; on a disk each of those waits for the
    journal, for writeback of the page being truncated, and (mounted ``discard``) for a
    synchronous discard. While the disk is busy (two runs at once) such a wait lasted
    seconds, so a trivial spec could reach its timeout inside unlink() or ftruncate().
    """
    import tempfile

    # The creator's pid is in the name: what a killed harness (kill -9) left is swept later.
    named = f"{prefix}{os.getpid()}-"
    for parent in (tempfile.gettempdir(), "/dev/shm", "/run/shm"):
        try:
            room = os.statvfs(parent)
        except OSError:
            continue
        if (filesystem_type(parent) in ("tmpfs", "ramfs") and os.access(parent, os.W_OK | os.X_OK)
                and room.f_bavail * room.f_frsize >= RAM_DIR_MIN_FREE):
            sweep_left_behind(parent, prefix)
            return tempfile.mkdtemp(prefix=named, dir=parent)
    return tempfile.mkdtemp(prefix=named)


_SWEPT: set[tuple[str, str]] = set()


def sweep_left_behind(parent: str, prefix: str) -> list[str]:
    """Remove ``parent/prefix<pid>-*`` folders whose process is gone (once per process):
    tmpfs is memory, and a harness killed with SIGKILL could not remove its workers' folders."""
    if (parent, prefix) in _SWEPT:
        return []
    _SWEPT.add((parent, prefix))
    removed = []
    try:
        entries = os.listdir(parent)
    except OSError:
        return removed
    for name in entries:
        pid = name[len(prefix):].partition("-")[0] if name.startswith(prefix) else ""
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # alive (or another user's): not ours to touch
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        path = os.path.join(parent, name)
        try:
            if os.stat(path).st_uid == os.getuid():
                remove_tree(path)
                removed.append(path)
        except OSError:
            pass
    return removed


def remove_tree(path: str) -> None:
    """Remove a worker's folder, also what a spec made unreadable in it (a sandboxed process
    has no power to ignore permissions, and neither may the harness)."""
    import shutil

    def unlock(function: Callable[..., object], failed: str, _info: object) -> None:
        for folder in (os.path.dirname(failed), failed):
            try:
                os.chmod(folder, 0o700)
            except OSError:
                pass
        try:
            if os.path.isdir(failed) and not os.path.islink(failed):
                shutil.rmtree(failed, ignore_errors=True)
            else:
                function(failed)
        except OSError:
            pass

    shutil.rmtree(path, onerror=unlock)


def launcher_argv(python: str, writable: list[str], limits: Limits, argv: list[str]) -> list[str]:
    """The command that runs ``argv`` confined (through this file as a launcher)."""
    command = [python, "-S", os.path.abspath(__file__)]
    for path in writable:
        command += ["--write", path]
    command += ["--memory", str(limits.memory), "--memory-kind", limits.memory_kind,
                "--file-size", str(limits.file_size), "--nproc", str(limits.nproc)]
    if limits.cpu_s is not None:
        command += ["--cpu", str(limits.cpu_s)]
    return [*command, "--", *argv]


def main(args: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="run a program confined (harness sandbox)")
    parser.add_argument("--write", action="append", default=[], help="a writable directory")
    parser.add_argument("--memory", type=int, default=MEMORY_LIMIT)
    parser.add_argument("--memory-kind", choices=("as", "data"), default="as")
    parser.add_argument("--cpu", type=int, default=None)
    parser.add_argument("--file-size", type=int, default=OUTPUT_CAP + 1)
    parser.add_argument("--nproc", type=int, default=256)
    parser.add_argument("argv", nargs=argparse.REMAINDER)
    ns = parser.parse_args(args)
    argv = ns.argv[1:] if ns.argv[:1] == ["--"] else ns.argv
    if not argv:
        parser.error("no program to run")
    try:
        confine(ns.write, Limits(ns.memory, ns.memory_kind, ns.cpu, ns.file_size, ns.nproc))
    except (SandboxError, OSError) as err:
        print(f"sandbox: {err}", file=sys.stderr)
        sys.exit(126)
    try:
        os.execvp(argv[0], argv)
    except OSError as err:
        print(f"sandbox: cannot run {argv[0]}: {err}", file=sys.stderr)
        sys.exit(127)


if __name__ == "__main__":
    main()
