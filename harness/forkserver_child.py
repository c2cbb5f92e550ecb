"""The CPython fork server: started once, forks a fresh child for every spec.

Run as ``python -S harness/forkserver_child.py`` (a file, not ``-m``, so no harness
module is imported into the children). Requests and replies are ``marshal``-ed
dicts on stdin/stdout, framed by a 4-byte length. The server imports only builtin
and frozen modules, the sandbox, and ``PRELOAD``, all of which it takes out of ``sys.modules``
again: a spec's child starts from an almost untouched interpreter, with nothing to clean up
first (every page a child writes to is a copy), and gets the preloaded modules when it
imports one. The server itself runs under the sandbox launcher
(harness.sandbox): no privileges, writes only in its root.
"""

import marshal
import os
import resource
import sys

OUTPUT_CAP = 1 << 20
# Imported here once, for the specs that import them: asyncio alone took 45 ms of each
# such child's CPU (it brings in about 110 modules), a quarter of a first run's CPython time.
PRELOAD = ("asyncio",)
_BEFORE = set(sys.modules)
import atexit  # noqa: E402 - its exit functions run at each child's end (they live in the interpreter)


class _Preloaded:
    """Modules imported by the server, out of ``sys.modules``, handed over on first import.

    A spec's first import of any of them puts all of them into ``sys.modules`` at once, as
    they were after the server's import (so no module is ever loaded twice, from disk and
    from here), and registers the exit functions their import registered. It is then the
    first finder on ``sys.meta_path``, until that first import takes it off again.
    """

    def __init__(self, names):
        present = set(sys.modules)
        self.exits = []
        register = atexit.register
        atexit.register = self._record
        try:
            for name in names:
                try:
                    __import__(name)
                except ImportError:
                    pass
        finally:
            atexit.register = register
        self.modules = {name: sys.modules.pop(name) for name in list(sys.modules) if name not in present}
        # (Not every entry is a module: typing.io is a class.)
        self.specs = {name: getattr(module, "__spec__", None) for name, module in self.modules.items()}

    def _record(self, func, *args, **kwargs):
        self.exits.append((func, args, kwargs))
        return func

    def find_spec(self, name, path=None, target=None):
        if name not in self.modules:
            return None
        return type(sys.__spec__)(name, self)  # importlib's ModuleSpec, without importing it

    def create_module(self, spec):
        return self.modules[spec.name]

    def exec_module(self, module):
        name = module.__spec__.name
        if self.specs[name] is not None:
            module.__spec__ = self.specs[name]  # the import system set ours
        else:
            del module.__spec__
        for name, other in self.modules.items():
            sys.modules.setdefault(name, other)
        for func, args, kwargs in self.exits:
            atexit.register(func, *args, **kwargs)
        sys.meta_path.remove(self)


_PRELOADED = _Preloaded(PRELOAD)

# The sandbox (a stdlib-only file next to this one) is loaded once here, with its ctypes set-up.
import sandbox  # noqa: E402

_restrict_writes = sandbox.landlock_restrictor()
# What the lines above imported leaves sys.modules here, once, so a spec sees a clean
# interpreter; the objects stay alive through this dict. Done in each child instead, it
# wrote to a copy-on-write page per module (0.2 ms), and freeing them cost 0.5 ms more.
_KEPT = {name: sys.modules.pop(name) for name in set(sys.modules) - _BEFORE}
sys.meta_path.insert(0, _PRELOADED)


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
    _restrict_writes([request["cwd"]])
    os.environ["HOME"] = os.environ["TMPDIR"] = request["cwd"]
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
