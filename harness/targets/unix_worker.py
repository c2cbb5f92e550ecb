"""Long-lived worker that runs specs in-process with the MicroPython PC port.

Protocol: one JSON request per line on stdin ({"argv": [...]}) and one JSON reply per
line on the original stdout ({"rc": int, "stdout": str, "stderr": str, "capped": bool,
"retire": bool, "soon": bool, "elapsed": float}), ``elapsed`` being the seconds the port ran. The
interpreter writes to file descriptors 1 and 2 directly, so each run points those at
scratch files. The parent kills and replaces this process when a spec
hangs or crashes it.

The port never frees its heap (``-X heapsize``) after a run: every spec leaves that much
address space behind, and under the sandbox's address-space limit the run after ~500
specs found malloc() returning NULL and crashed the worker (SIGSEGV in the heap's
memset). So the worker retires while it still has room: the reply says ``retire``, the
worker exits, and the parent starts a fresh one for the next spec. ``soon`` says so a few
runs ahead, so the fresh one is started (0.1 s) while this one still runs specs.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time

OUTPUT_CAP = 1 << 20
TRUNCATED = "\n[... output truncated by the harness ...]\n"
RETIRE_MARGIN = 64 << 20  # address space kept free beyond the next runs' expected growth
SPARE_RUNS = 16  # the reply says "retiring soon" this many runs ahead: the parent starts a spare


def _read(fd: int) -> tuple[str, bool]:
    """The capped text of a capture file, and whether the spec wrote more than the cap
    (the sandbox's RLIMIT_FSIZE stops the file one byte past it)."""
    size = os.lseek(fd, 0, os.SEEK_END)
    os.lseek(fd, 0, os.SEEK_SET)
    data = os.read(fd, min(size, OUTPUT_CAP))
    text = data.decode("utf-8", errors="replace")
    return (text + TRUNCATED, True) if size > OUTPUT_CAP else (text, False)


def address_space() -> int:
    """Bytes of address space this process uses (what RLIMIT_AS counts)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def must_retire(used: int, growth: int, limit: int) -> bool:
    """True when two more runs that each leave ``growth`` bytes behind might not fit."""
    if limit == resource.RLIM_INFINITY:
        return False
    return used + 2 * growth + RETIRE_MARGIN > limit


def _fresh_dir(path: str) -> None:
    """The spec's own working directory, emptied of what the previous spec left."""
    shutil.rmtree(path, ignore_errors=True)
    os.mkdir(path, 0o700)
    os.chdir(path)


def main() -> None:
    import micropython_run  # noqa: PLC0415 - only the worker needs the extension

    control_in = os.fdopen(os.dup(0), "rb", buffering=0)
    control_out = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    # The root (argv[1]) is the one place the sandbox lets this process write; output that
    # outgrows the file-size limit fails to write (EFBIG) instead of killing the worker.
    root = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="harness-unix-")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    out_fd = os.open(os.path.join(root, ".stdout"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    err_fd = os.open(os.path.join(root, ".stderr"), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    spec_dir = os.path.join(root, "spec")
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    growth = 0  # the most one run has left behind
    control_out.write(b'{"ready": true}\n')
    for line in iter(control_in.readline, b""):
        request = json.loads(line)
        before = address_space()
        _fresh_dir(spec_dir)
        os.ftruncate(out_fd, 0)
        os.ftruncate(err_fd, 0)
        os.lseek(out_fd, 0, os.SEEK_SET)
        os.lseek(err_fd, 0, os.SEEK_SET)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        started = time.perf_counter()
        try:
            rc = micropython_run.run_main(request["argv"])
        finally:
            elapsed = time.perf_counter() - started
            sys.stdout.flush()
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
        (stdout, out_cut), (stderr, err_cut) = _read(out_fd), _read(err_fd)
        used = address_space()
        growth = max(growth, used - before)
        retire = must_retire(used, growth, limit)
        reply = {"rc": rc, "stdout": stdout, "stderr": stderr, "capped": out_cut or err_cut,
                 "retire": retire, "soon": must_retire(used + SPARE_RUNS * growth, growth, limit),
                 "elapsed": elapsed}
        control_out.write(json.dumps(reply).encode() + b"\n")
        if retire:
            return


if __name__ == "__main__":
    main()
