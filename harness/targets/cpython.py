"""Target ``cpython``: the reference interpreter run as a target (a sanity column).

Specs run as ``python -S spec.py`` would, in children forked from a warm server.
"""

from __future__ import annotations

import platform
import sys

from harness.forkserver import ForkServer, ForkServerDied
from harness.records import Identity, Outcome, Spec
from harness.reference import spec_env
from harness.sandbox import OUTPUT_CAP
from harness.sandbox import status as sandbox_status
from harness.targets.base import PROBE_MODULES, Capabilities, Target, exception_name


class CPythonTarget(Target):
    kind = "cpython"

    def __init__(self, config) -> None:
        super().__init__(config)
        self.python = str(self.options.get("python", sys.executable))
        self._modules: frozenset[str] | None = None
        self._server: ForkServer | None = None

    def start(self) -> None:
        if self._server is None:
            self._server = ForkServer(self.python, spec_env())
            self._server.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def run(self, spec: Spec, mode: str = "bytecode") -> Outcome:
        if mode != "bytecode":
            return Outcome(unsupported=f"mode {mode!r} is MicroPython's")
        try:
            self.start()
            assert self._server is not None
            result = self._server.run(spec.path, spec.timeout)
        except (ForkServerDied, OSError) as err:  # the spec took its worker down, twice
            self.stop()
            return Outcome(crashed=True, exit_code=None, detail=f"CPython fork server: {err}")
        if result.output_capped:
            return Outcome(stdout=result.stdout, stderr=result.stderr, output_capped=True,
                           exit_code=result.returncode, duration_s=result.duration_s,
                           detail=f"output beyond {OUTPUT_CAP} bytes: cut, spec stopped")
        if result.timed_out:
            return Outcome(stdout=result.stdout, stderr=result.stderr, timed_out=True,
                           duration_s=result.duration_s)
        if result.signal:
            return Outcome(stdout=result.stdout, stderr=result.stderr, crashed=True,
                           duration_s=result.duration_s,
                           detail=f"CPython was killed by signal {result.signal}")
        return Outcome(
            stdout=result.stdout,
            stderr=result.stderr,
            exit_code=result.returncode,
            exception=exception_name(result.stderr),
            duration_s=result.duration_s,
        )

    def identity(self) -> Identity:
        return Identity(
            target=self.name,
            kind=self.kind,
            implementation=f"cpython {platform.python_version()}",
            version=sys.version.split()[0],
            machine=platform.machine(),
            firmware=self.python,
            extra={"sandbox": sandbox_status()},
        )

    def capabilities(self) -> Capabilities:
        if self._modules is None:
            import importlib.util

            self._modules = frozenset(m for m in PROBE_MODULES if importlib.util.find_spec(m))
        return Capabilities(modules=self._modules, modes=("bytecode",))
