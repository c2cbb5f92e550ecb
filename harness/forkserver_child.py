"""The CPython fork server: started once, forks a fresh child for every spec.

Run as ``python -S harness/forkserver_child.py`` (a file, not ``-m``, so no harness
module is imported into the children). Requests and replies are ``marshal``-ed
dicts on stdin/stdout, framed by a 4-byte length. The server imports only builtin
and frozen modules (and the sandbox, which each child unloads once it is confined),
so a spec's child starts from an almost untouched interpreter. The server itself runs
under the sandbox launcher (harness.sandbox): no privileges, writes only in its root.
"""

import marshal
import os
import resource
import sys

OUTPUT_CAP = 1 << 20
_BEFORE = set(sys.modules)
# The sandbox (a stdlib-only file next to this one) is loaded once here; each child drops
# what it brought into sys.modules once it is confined, so the spec sees a clean interpreter.
import sandbox  # noqa: E402

sandbox.landlock_abi()  # loads ctypes now, not in every child
_SANDBOX_MODULES = set(sys.modules) - _BEFORE


def _read_exact(fd, size):
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _send(fd, obj):
    payload = marshal.dumps(obj)
    os.write(fd, len(payload).to_bytes(4, "little") + payload)


def _child(request, out_path, err_path):
    os.setsid()  # the harness kills the whole group on a timeout
    memory = request["memory"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(request["timeout"]) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Output goes to files: writing more than the cap ends the spec (SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_CAP + 1, OUTPUT_CAP + 1))
    # A nested Landlock domain: writes only in its own directory, and no signal reaches
    # the server (or anything else outside it).
    sandbox.restrict_writes([request["cwd"]])
    os.environ["HOME"] = os.environ["TMPDIR"] = request["cwd"]
    for name in _SANDBOX_MODULES:
        sys.modules.pop(name, None)
    os.chdir(request["cwd"])
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
    os.dup2(os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
    path = request["path"]
    sys.argv = [path]
    sys.path[0:0] = [os.path.dirname(path)]
    code = 0
    try:
        # What the interpreter does for `python spec.py`, without importing runpy (which
        # would pull re, typing and more into every child).
        source = request.get("source")  # read by the harness before the timer started
        if source is None:
            with open(path, "rb") as handle:
                source = handle.read()
        module = type(sys)("__main__")
        module.__file__ = path
        module.__builtins__ = __builtins__
        module.__cached__ = None
        sys.modules["__main__"] = module
        program = compile(source, path, "exec")
        exec(program, module.__dict__)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        kind, value, tb = sys.exc_info()
        tb = tb.tb_next if tb is not None else tb  # drop this file's frame
        sys.excepthook(kind, value.with_traceback(tb), tb)
        code = 1
    try:
        import atexit

        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code & 0xFF)


def _read_capped(path):
    try:
        with open(path, "rb") as handle:
            data = handle.read(OUTPUT_CAP + 1)
    except OSError:
        return b"", False
    return data[:OUTPUT_CAP], len(data) > OUTPUT_CAP


def main():
    control_in, control_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    _send(control_out, {"ready": True, "pid": os.getpid()})
    while True:
        header = _read_exact(control_in, 4)
        if header is None:
            return
        request = marshal.loads(_read_exact(control_in, int.from_bytes(header, "little")))
        out_path = os.path.join(request["cwd"], ".harness-stdout")
        err_path = os.path.join(request["cwd"], ".harness-stderr")
        pid = os.fork()
        if pid == 0:
            os.close(control_in)
            os.close(control_out)
            _child(request, out_path, err_path)
        _send(control_out, {"pid": pid})
        _, status = os.waitpid(pid, 0)
        out, out_cut = _read_capped(out_path)
        err, err_cut = _read_capped(err_path)
        for name in (out_path, err_path):
            try:
                os.unlink(name)
            except OSError:
                pass
        _send(control_out, {
            "status": status,
            "capped": out_cut or err_cut or (os.WIFSIGNALED(status)
                                             and os.WTERMSIG(status) == 25),  # SIGXFSZ
            "stdout": out, "stdout_cut": out_cut,
            "stderr": err, "stderr_cut": err_cut,
        })


if __name__ == "__main__":
    main()
