"""Target ``webassembly``: the MicroPython WebAssembly port from npm, run in Node.

One long-lived Node process (``webassembly_worker.mjs``) takes one spec at a time over
JSON lines and loads a fresh interpreter for each (about 1.5 ms), so globals never leak
between specs. A busy loop inside wasm cannot be interrupted, so on a timeout the whole
Node process is killed and replaced; a worker that dies mid-spec gives ``crashed``.

Rig options (all optional):

    node: node                 # the Node.js executable
    node_modules: ./node_modules   # where `npm install` put the package
    heapsize: 1M               # the FIRST GC heap area only; the port grows its heap
    memory_limit: 256M         # cap on the wasm linear memory per spec (0: none)
    pystack: 2048              # MicroPython's Python stack, in words

What ``heapsize`` does in this build, and how ``memory_limit`` turns runaway allocation
into a real MemoryError, is explained at the top of ``webassembly_worker.mjs``.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from harness.errors import HarnessError
from harness.firmware.mpy import mpy_unavailable, run_as_mpy
from harness.procgroup import kill_and_reap
from harness.records import Identity, Outcome, Spec
from harness.sandbox import OUTPUT_CAP, TRUNCATED, Limits, launcher_argv
from harness.sandbox import status as sandbox_status
from harness.targets.base import PROBE_MODULES, Capabilities, Target, TargetConfig, exception_name

PACKAGE = "@micropython/micropython-webassembly-pyscript"
WORKER_SCRIPT = Path(__file__).with_name("webassembly_worker.mjs")
ENV_NODE_MODULES = "HARNESS_NODE_MODULES"
START_TIMEOUT = 30.0
PROBE_TIMEOUT = 30.0
STOP_GRACE = 1.0
DEFAULT_HEAPSIZE = "1M"
DEFAULT_MEMORY_LIMIT = "256M"
# Emscripten refuses to grow past 2 GiB; the worker's one-time reserve doubles the cap.
MAX_MEMORY_LIMIT = 1 << 30
MIN_MEMORY_LIMIT = 32 << 20  # the wasm memory starts at about 16 MiB
# Node's writable data (V8 heap, wasm memory up to 2 * memory_limit + 16 MiB, buffers).
NODE_DATA_LIMIT = 4 << 30

PROBE_CODE = (
    "import sys\n"
    "impl = sys.implementation\n"
    "print('impl', impl.name, '.'.join(str(v) for v in impl.version[:3]))\n"
    "print('version', sys.version)\n"
    "print('platform', sys.platform)\n"
    "print('machine', getattr(impl, '_machine', ''))\n"
    "print('build', getattr(impl, '_build', ''))\n"
    "print('mpy', getattr(impl, '_mpy', ''))\n"
    "for m in {mods!r}:\n"
    "    try:\n"
    "        __import__(m)\n"
    "        print('mod', m)\n"
    "    except ImportError:\n"
    "        pass\n"
    "for mode in ('native', 'viper'):\n"
    "    try:\n"
    "        exec('import micropython\\n@micropython.' + mode + '\\ndef f():\\n    return 1\\nf()')\n"
    "        print('mode', mode)\n"
    "    except Exception:\n"
    "        pass\n"
)

_SIZE = re.compile(r"^\s*(\d+)\s*([kKmMgG]?)[bB]?\s*$")
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(value: object, what: str) -> int:
    """Bytes from ``1048576``, ``"256k"`` or ``"1M"``; HarnessError naming ``what`` if bad."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    match = _SIZE.match(str(value))
    if not match:
        raise HarnessError(f"{what}: {value!r} is not a size (use e.g. 65536, 256k or 1M)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def find_node_modules(configured: str | os.PathLike[str] | None = None) -> Path | None:
    """The node_modules folder holding the MicroPython npm package, or None.

    Looked up in order: the rig option, ``$HARNESS_NODE_MODULES``, then ``node_modules``
    next to a ``package.json`` in the folders above this file and above the working folder.
    """
    explicit = configured or os.environ.get(ENV_NODE_MODULES)
    if explicit:
        path = Path(explicit).expanduser().resolve()
        return path if (path / PACKAGE / "micropython.mjs").exists() else None
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for folder in (start, *start.parents):
            candidate = folder / "node_modules"
            if (candidate / PACKAGE / "micropython.mjs").exists():
                return candidate
    return None


class WorkerDied(Exception):
    """The Node worker exited or closed its pipe."""


class NodeWorker:
    """One Node process running ``webassembly_worker.mjs``; replaced when it hangs or dies."""

    def __init__(self, node: str, node_modules: Path, *, args: tuple[str, ...] = (),
                 start_timeout: float = START_TIMEOUT):
        env = dict(os.environ)
        env[ENV_NODE_MODULES] = str(node_modules)
        self._log: IO[bytes] = tempfile.TemporaryFile(prefix="harness-wasm-")
        # Confined (harness.sandbox): Node may write only in its own root (a spec reaches
        # Node's fs and process objects through the `js` module), and signal nothing outside.
        # Its memory cap is on data, not address space: V8 reserves gigabytes it never uses.
        self.root = tempfile.mkdtemp(prefix="harness-wasm-")
        limits = Limits(memory=NODE_DATA_LIMIT, memory_kind="data")
        self.proc = subprocess.Popen(
            launcher_argv(sys.executable, [self.root], limits, [node, str(WORKER_SCRIPT), *args]),
            cwd=self.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
            start_new_session=True,  # a Ctrl-C in the terminal reaches the harness, not Node
        )
        self._buffer = b""
        self._next_id = 0
        try:
            greeting = self._read_line(time.monotonic() + start_timeout)
        except WorkerDied as err:
            self.kill()
            raise WorkerDied(f"the Node worker did not start: {err}") from None
        if greeting is None:
            self.kill()
            raise WorkerDied(f"the Node worker did not answer within {start_timeout:g}s")
        if not greeting.get("ready"):
            self.kill()
            raise HarnessError(str(greeting.get("error", "the Node worker refused to start")))
        self.greeting: dict[str, Any] = greeting

    @property
    def pid(self) -> int:
        return self.proc.pid

    def run(self, request: dict[str, Any], timeout: float) -> tuple[dict | None, list[dict]]:
        """Send one run request; return (reply or None on timeout, events seen meanwhile)."""
        assert self.proc.stdin is not None
        self._next_id += 1
        request_id = self._next_id
        line = json.dumps({"op": "run", "id": request_id, **request}).encode() + b"\n"
        try:
            self.proc.stdin.write(line)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as err:
            raise WorkerDied(f"worker gone before the spec was sent: {err}") from None
        deadline = time.monotonic() + timeout
        events: list[dict] = []
        while True:
            message = self._read_line(deadline)
            if message is None:
                return None, events
            if message.get("id") != request_id:
                continue  # a stale line (cannot happen with one request at a time)
            if "event" in message:
                events.append(message)
                continue
            return message, events

    def _read_line(self, deadline: float) -> dict | None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        if b"\n" not in self._buffer:
            chunks = [self._buffer]  # a big reply comes in many reads: join once
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._buffer = b"".join(chunks)
                    return None
                ready, _, _ = select.select([fd], [], [], left)
                if not ready:
                    self._buffer = b"".join(chunks)
                    return None
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    self._buffer = b"".join(chunks)
                    raise WorkerDied(self.describe_exit())
                chunks.append(chunk)
                if b"\n" in chunk:
                    break
            self._buffer = b"".join(chunks)
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            return json.loads(line)
        except ValueError:
            raise WorkerDied(f"the worker wrote a line that is not JSON: {line[:200]!r}") from None

    def describe_exit(self) -> str:
        try:
            status = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "the worker closed its output but is still running"
        if status < 0:
            text = f"the Node worker was killed by signal {signal.Signals(-status).name}"
        else:
            text = f"the Node worker exited with status {status}"
        tail = self.log_tail()
        return f"{text}: {tail}" if tail else text

    def log_tail(self, limit: int = 600) -> str:
        """The end of what Node wrote on stderr (its own errors, never spec output)."""
        try:
            self._log.flush()
            self._log.seek(0, os.SEEK_END)
            size = self._log.tell()
            self._log.seek(max(0, size - limit))
            return self._log.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not within a second."""
        if self.proc.poll() is None and self.proc.stdin is not None:
            try:
                self.proc.stdin.write(b'{"op": "exit"}\n')
                self.proc.stdin.close()
                self.proc.wait(timeout=STOP_GRACE)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def kill(self) -> None:
        kill_and_reap(self.proc)
        self._log.close()
        shutil.rmtree(self.root, ignore_errors=True)


class WebAssemblyTarget(Target):
    """The MicroPython WebAssembly port (npm, pyscript variant) in a Node worker."""

    kind = "webassembly"

    def __init__(self, config: TargetConfig) -> None:
        super().__init__(config)
        where = f"target {self.name!r}"
        self.node = str(self.options.get("node", "node"))
        self.node_modules_option = self.options.get("node_modules")
        self.heapsize = parse_size(self.options.get("heapsize", DEFAULT_HEAPSIZE),
                                   f"{where}: heapsize")
        self.memory_limit = parse_size(self.options.get("memory_limit", DEFAULT_MEMORY_LIMIT),
                                       f"{where}: memory_limit")
        if self.memory_limit and not MIN_MEMORY_LIMIT <= self.memory_limit <= MAX_MEMORY_LIMIT:
            raise HarnessError(f"{where}: memory_limit must be 0 (no cap) or between "
                               f"{MIN_MEMORY_LIMIT >> 20}M and {MAX_MEMORY_LIMIT >> 20}M")
        self.pystack = int(self.options.get("pystack", 2048))
        self._worker: NodeWorker | None = None
        self._probe: dict[str, list[str]] | None = None

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        if self._worker is not None:
            return
        node = shutil.which(self.node)
        if node is None:
            raise HarnessError(f"target {self.name!r}: Node.js executable {self.node!r} not found "
                               "(install Node 18 or newer, or set the target's `node` option)")
        node_modules = find_node_modules(self.node_modules_option)
        if node_modules is None:
            where = self.node_modules_option or os.environ.get(ENV_NODE_MODULES)
            hint = f"in {where}" if where else "in any node_modules above the harness or here"
            raise HarnessError(f"target {self.name!r}: npm package {PACKAGE} not found {hint}; "
                               "run `npm install` where package.json is")
        try:
            self._worker = NodeWorker(
                node, node_modules,
                args=(f"--heapsize={self.heapsize}", f"--pystack={self.pystack}"),
            )
        except WorkerDied as err:
            raise HarnessError(f"target {self.name!r}: {err}") from None

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _replace_worker(self) -> str:
        """Kill the current worker and start the next one now; a note for Outcome.detail."""
        if self._worker is not None:
            self._worker.kill()
            self._worker = None
        try:
            self.start()
        except HarnessError as err:
            return f"worker killed; a new one did not start ({err})"
        return "worker replaced"

    # -- running ----------------------------------------------------------------------
    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        if mode == "mpy":  # the port mounts a user filesystem from RAM, so it imports .mpy
            return run_as_mpy(spec, self._sys_mpy(), self._run_code)
        if mode != "bytecode":
            return Outcome(unsupported=f"mode {mode!r} is not available on the WebAssembly port")
        return self._run_code(spec.source.decode("utf-8", "replace"), spec.timeout)

    def _run_code(self, code: str, timeout: float) -> Outcome:
        started = time.perf_counter()
        try:
            self.start()
        except HarnessError as err:
            return Outcome(link_failed=True, exit_code=None, detail=str(err),
                           duration_s=time.perf_counter() - started)
        worker = self._worker
        assert worker is not None
        request = {"code": code, "heapsize": self.heapsize, "pystack": self.pystack,
                   "memory_limit": self.memory_limit, "output_cap": OUTPUT_CAP}
        try:
            reply, events = worker.run(request, timeout)
        except WorkerDied as err:
            note = self._replace_worker()
            return Outcome(crashed=True, exit_code=None, detail=f"{err}; {note}",
                           duration_s=time.perf_counter() - started)
        duration = time.perf_counter() - started
        if reply is None:
            note = self._replace_worker()
            if events:  # the heap hit its cap, then the interpreter never came back
                return Outcome(
                    stderr="MemoryError: heap exhausted (wasm memory limit reached)\n",
                    exit_code=None, exception="MemoryError", duration_s=duration,
                    detail=(f"wasm memory limit {self.memory_limit} bytes reached, then no "
                            f"result within {timeout:g}s; {note}"),
                )
            return Outcome(timed_out=True, exit_code=None, duration_s=duration,
                           detail=f"no result within {timeout:g}s; {note}")
        stdout, stderr = reply.get("stdout", ""), reply.get("stderr", "")
        if reply.get("output_capped"):
            return Outcome(stdout=stdout + TRUNCATED, stderr=stderr, exit_code=None,
                           output_capped=True, duration_s=duration,
                           detail=f"output beyond {OUTPUT_CAP} bytes: spec stopped")
        if reply.get("crashed"):
            return Outcome(stdout=stdout, stderr=stderr, exit_code=None, crashed=True,
                           duration_s=duration, detail=str(reply.get("detail", "")))
        detail = ""
        if reply.get("memory_limit_hit"):
            detail = f"wasm memory limit {self.memory_limit} bytes reached"
        return Outcome(
            stdout=stdout,
            stderr=stderr,
            exit_code=reply.get("exit_code", 1),
            exception=(exception_name(stderr) or reply["exception"]) if reply.get("exception")
            else None,
            duration_s=duration,
            detail=detail,
        )

    # -- what it is -------------------------------------------------------------------
    def _probed(self) -> dict[str, list[str]]:
        if self._probe is None:
            outcome = self._run_code(PROBE_CODE.format(mods=PROBE_MODULES), PROBE_TIMEOUT)
            probe: dict[str, list[str]] = {}
            for line in outcome.stdout.splitlines():
                key, _, value = line.partition(" ")
                probe.setdefault(key, []).append(value)
            if "impl" in probe:  # cache only a probe that worked
                self._probe = probe
            return probe
        return self._probe

    def _sys_mpy(self) -> int | None:
        """``sys.implementation._mpy`` (None when the port has none)."""
        value = (self._probed().get("mpy") or [""])[0]
        return int(value) if value.isdigit() else None

    def identity(self) -> Identity:
        probe = self._probed()
        greeting = self._worker.greeting if self._worker is not None else {}
        package = f"{greeting.get('package', PACKAGE)}@{greeting.get('version', '?')}"
        return Identity(
            target=self.name,
            kind=self.kind,
            implementation=(probe.get("impl") or ["micropython ?"])[0],
            version=(probe.get("version") or [""])[0],
            machine=(probe.get("machine") or [""])[0],
            firmware=package,
            extra={
                "platform": (probe.get("platform") or [""])[0],
                "build": (probe.get("build") or [""])[0],
                "mpy": (probe.get("mpy") or [""])[0],
                "node": greeting.get("node", ""),
                "heapsize": self.heapsize,
                "memory_limit": self.memory_limit,
                "sandbox": sandbox_status(),
            },
        )

    def capabilities(self) -> Capabilities:
        probe = self._probed()
        mpy = () if mpy_unavailable(self._sys_mpy()) else ("mpy",)
        return Capabilities(
            modules=frozenset(probe.get("mod", [])),
            modes=("bytecode", *probe.get("mode", []), *mpy),
            extra={"heapsize": self.heapsize, "memory_limit": self.memory_limit},
        )
