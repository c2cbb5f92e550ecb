"""The CPython fork server: started once, forks a fresh child for every spec.

Run as ``python -S harness/forkserver_child.py ROOT [MODULE ...]`` (a file, not ``-m``, so no
harness module is imported into the children). Requests and replies are ``marshal``-ed dicts on
stdin/stdout, framed by a 4-byte length. The server imports only builtin and frozen modules,
the sandbox, and the MODULEs to preload, all of which it takes out of ``sys.modules`` again: a
spec's child starts from an almost untouched interpreter, with nothing to clean up first (every
page a child writes to is a copy), and gets the preloaded modules when it imports one. The
server itself runs under the sandbox launcher (harness.sandbox): no privileges, writes only in
ROOT.

Everything a child would do the same way every time is done once, here: the spec folder
(``ROOT/spec``: every spec's working directory, HOME and TMPDIR, emptied after each spec) is
the server's own working directory, and its Landlock ruleset is built once; a child only
enforces it. A child costs a fork, four limits, one Landlock call and two ``dup2``.
"""

import marshal
import os
import resource
import sys

OUTPUT_CAP = 1 << 20
ROOT = sys.argv[1]
# This file's folder (harness/) is not on the path of the modules preloaded below nor of the
# specs: its modules would shadow the standard library's (a harness/concurrent.py once hid
# concurrent.futures, and asyncio with it). Only the sandbox comes from it.
_HERE = sys.path.pop(0)
# Imported here once, for the specs that import them (the harness starts a server preloading
# asyncio for the specs that name it): asyncio alone took 45 ms of each such child's CPU (it
# brings in about 110 modules), but a server that holds it costs every other child 0.4 ms more
# to fork.
PRELOAD = tuple(sys.argv[2:])
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


_PRELOADED = _Preloaded(PRELOAD) if PRELOAD else None

# The sandbox (a stdlib-only file next to this one) is loaded once here, with its ctypes set-up.
sys.path.insert(0, _HERE)
import sandbox  # noqa: E402

del sys.path[0]

_LANDLOCK = sandbox.Landlock()
# What the lines above imported leaves sys.modules here, once, so a spec sees a clean
# interpreter; the objects stay alive through this dict. Done in each child instead, it
# wrote to a copy-on-write page per module (0.2 ms), and freeing them cost 0.5 ms more.
_KEPT = {name: sys.modules.pop(name) for name in set(sys.modules) - _BEFORE}
if _PRELOADED is not None:
    sys.meta_path.insert(0, _PRELOADED)

SPEC_DIR = os.path.join(ROOT, "spec")
_OUT, _ERR = os.path.join(ROOT, "stdout"), os.path.join(ROOT, "stderr")


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


def _child(request, out_fd, err_fd, ruleset):
    os.setsid()  # the harness kills the whole group on a timeout
    memory = request["memory"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(request["timeout"]) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Output goes to files: writing more than the cap ends the spec (SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_CAP + 1, OUTPUT_CAP + 1))
    # A nested Landlock domain: writes only in the spec folder, and no signal reaches the
    # server (or anything else outside it).
    _LANDLOCK.enforce(ruleset)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    for fd in (out_fd, err_fd, ruleset):
        if fd > 2:
            os.close(fd)
    path = request["path"]
    sys.argv = [path]
    sys.path[0:0] = [os.path.dirname(path)]  # as for `python spec.py`
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


def _empty(path):
    """Remove what a spec left in ``path``; False when something is left (or ``path`` is gone)."""
    try:
        entries = list(os.scandir(path))
    except OSError:
        return False
    emptied = True
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                emptied = _empty(entry.path) and emptied
                os.rmdir(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            emptied = False
    return emptied


def _spec_dir(ruleset, count):
    """A clean spec folder as the working directory, and its ruleset. The same one while a
    spec leaves it empty; otherwise what cannot be emptied is put aside and a new one made."""
    if ruleset >= 0 and _empty(SPEC_DIR):
        return ruleset
    if ruleset >= 0:
        os.close(ruleset)
        try:
            os.rename(SPEC_DIR, f"{SPEC_DIR}-left-{count}")
        except OSError:
            pass
    os.mkdir(SPEC_DIR, 0o700)
    os.chdir(SPEC_DIR)
    made = _LANDLOCK.ruleset([SPEC_DIR])
    return made if made >= 0 else os.open(os.devnull, os.O_RDONLY)  # no Landlock: a placeholder


def _read_capped(fd):
    try:
        data = os.pread(fd, OUTPUT_CAP + 1, 0)
    except OSError:
        return b"", False
    finally:
        os.close(fd)
    return data[:OUTPUT_CAP], len(data) > OUTPUT_CAP


def main():
    control_in, control_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.environ["HOME"] = os.environ["TMPDIR"] = SPEC_DIR
    ruleset = _spec_dir(-1, 0)
    _send(control_out, {"ready": True, "pid": os.getpid()})
    count = 0
    while True:
        header = _read_exact(control_in, 4)
        if header is None:
            return
        request = marshal.loads(_read_exact(control_in, int.from_bytes(header, "little")))
        flags = os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC
        out_fd, err_fd = os.open(_OUT, flags, 0o600), os.open(_ERR, flags, 0o600)
        pid = os.fork()
        if pid == 0:
            os.close(control_in)
            os.close(control_out)
            _child(request, out_fd, err_fd, ruleset if _LANDLOCK.abi >= 1 else -1)
        _send(control_out, {"pid": pid})
        _, status = os.waitpid(pid, 0)
        out, out_cut = _read_capped(out_fd)
        err, err_cut = _read_capped(err_fd)
        count += 1
        ruleset = _spec_dir(ruleset, count)
        _send(control_out, {
            "status": status,
            "capped": out_cut or err_cut or (os.WIFSIGNALED(status)
                                             and os.WTERMSIG(status) == 25),  # SIGXFSZ
            "stdout": out, "stdout_cut": out_cut,
            "stderr": err, "stderr_cut": err_cut,
        })


if __name__ == "__main__":
    main()
