"""Long-lived worker that runs specs in-process with the MicroPython PC port.

Protocol: one JSON request per line on stdin ({"argv": [...]}) and one JSON reply per
line on the original stdout ({"rc": int, "stdout": str, "stderr": str}). The interpreter
writes to file descriptors 1 and 2 directly, so each run points those at scratch
files. The parent kills and replaces this process when a spec hangs or crashes it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

OUTPUT_CAP = 1 << 20
TRUNCATED = "\n[... output truncated by the harness ...]\n"


def _read(fd: int) -> str:
    size = os.lseek(fd, 0, os.SEEK_END)
    os.lseek(fd, 0, os.SEEK_SET)
    data = os.read(fd, min(size, OUTPUT_CAP))
    text = data.decode("utf-8", errors="replace")
    return text + TRUNCATED if size > OUTPUT_CAP else text


def main() -> None:
    import micropython_run  # noqa: PLC0415 - only the worker needs the extension

    control_in = os.fdopen(os.dup(0), "rb", buffering=0)
    control_out = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.chdir(tempfile.mkdtemp(prefix="harness-unix-"))
    out_fd = os.open("stdout", os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    err_fd = os.open("stderr", os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    control_out.write(b'{"ready": true}\n')
    for line in iter(control_in.readline, b""):
        request = json.loads(line)
        os.ftruncate(out_fd, 0)
        os.ftruncate(err_fd, 0)
        os.lseek(out_fd, 0, os.SEEK_SET)
        os.lseek(err_fd, 0, os.SEEK_SET)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        try:
            rc = micropython_run.run_main(request["argv"])
        finally:
            sys.stdout.flush()
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
        reply = {"rc": rc, "stdout": _read(out_fd), "stderr": _read(err_fd)}
        control_out.write(json.dumps(reply).encode() + b"\n")


if __name__ == "__main__":
    main()
