"""A board shared through labgrid: acquire its place, find its serial port, release it.

labgrid depends on ``pyserial-labgrid``, a fork that installs the same ``serial`` package
as pyserial (installing or removing either breaks the other). So labgrid does not live in
the harness's environment: ``make setup`` puts it in a venv of its own (``.venv-labgrid``)
and the harness drives its ``labgrid-client`` as a subprocess, whose outputs are stable:
``acquire`` and ``release`` say what went wrong on stderr, ``env`` prints the acquired
place's resources as a labgrid environment file (YAML). The serial port is the place's
``NetworkSerialPort`` (the exporter's ser2net), opened as ``rfc2217://HOST:PORT``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from harness.errors import HarnessError

log = logging.getLogger("harness.transport.labgrid")

DEFAULT_COORDINATOR = "127.0.0.1:20408"  # labgrid's own default
DEFAULT_TIMEOUT_S = 15.0
CLIENT_ENV = "HARNESS_LABGRID_CLIENT"
VENV = ".venv-labgrid"
POLL_S = 0.2


class LabgridError(HarnessError):
    """The coordinator, the place or its serial port cannot be had. The message names the place."""


@dataclass(frozen=True)
class PlaceConfig:
    """A rig target's ``labgrid: {place, coordinator, client, timeout_s}``."""

    place: str
    coordinator: str = DEFAULT_COORDINATOR
    client: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S

    @classmethod
    def from_option(cls, value: Mapping[str, Any]) -> PlaceConfig:
        coordinator = value.get("coordinator") or os.environ.get("LG_COORDINATOR") or DEFAULT_COORDINATOR
        return cls(place=str(value["place"]), coordinator=str(coordinator),
                   client=str(value["client"]) if value.get("client") else None,
                   timeout_s=float(value.get("timeout_s", DEFAULT_TIMEOUT_S)))

    @property
    def label(self) -> str:
        return f"labgrid place {self.place!r} at {self.coordinator}"


def find_client(configured: str | None = None) -> str:
    """The labgrid-client to run: the rig's, ``$HARNESS_LABGRID_CLIENT``, the project's
    ``.venv-labgrid``, then PATH."""
    if configured:
        if os.access(configured, os.X_OK):
            return configured
        raise LabgridError(f"labgrid client {configured!r} not found or not executable")
    candidates = [os.environ.get(CLIENT_ENV)]
    # The project venv is <root>/.venv; the labgrid venv sits beside it.
    for root in (Path(sys.prefix).parent, Path.cwd()):
        candidates.append(str(root / VENV / "bin" / "labgrid-client"))
    candidates.append(shutil.which("labgrid-client"))
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise LabgridError("labgrid-client not found: `make setup` creates .venv-labgrid with it "
                       f"(or set {CLIENT_ENV}, or the rig's labgrid.client)")


def serial_url(resources: list[Mapping[str, Any]], label: str) -> str | None:
    """The pyserial URL of the first NetworkSerialPort among an environment's resources; None
    while its port is not known yet (the exporter starts ser2net on acquire)."""
    found = []
    for entry in resources:
        for cls, params in entry.items():
            found.append(cls)
            if cls != "NetworkSerialPort":
                continue
            params = params or {}
            host, port = params.get("host"), params.get("port")
            if not host or not port:
                return None
            scheme = "socket" if params.get("protocol") == "raw" else "rfc2217"
            # Setting DTR/RTS on an exported pty fails; a USB board ignores them anyway.
            suffix = "?ign_set_control" if scheme == "rfc2217" else ""
            return f"{scheme}://{host}:{port}{suffix}"
    raise LabgridError(f"{label}: no serial port (NetworkSerialPort) among its resources "
                       f"({', '.join(found) or 'none'})")


class LabgridPlace:
    """One place, acquired by this process at most once; released by ``release``, by garbage
    collection, or at interpreter exit, whichever comes first."""

    def __init__(self, config: PlaceConfig):
        self.config = config
        self.url: str | None = None
        self._finalizer: weakref.finalize | None = None
        self.timings: dict[str, float] = {}  # seconds per step, for evidence and `rig check`

    # ---- the client -------------------------------------------------------------------

    def _client(self, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
        config = self.config
        try:
            client = find_client(config.client)
        except LabgridError as err:
            raise LabgridError(f"{config.label}: {err}")
        argv = [client, "-x", config.coordinator, "-p", config.place, *args]
        try:
            return subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                  timeout=timeout or self.config.timeout_s)
        except subprocess.TimeoutExpired:
            raise LabgridError(f"{self.config.label}: `labgrid-client {' '.join(args)}` gave no answer "
                               f"within {timeout or self.config.timeout_s:g} s")
        except OSError as err:
            raise LabgridError(f"{self.config.label}: cannot run {argv[0]}: {err}")

    def _failure(self, step: str, done: subprocess.CompletedProcess[str]) -> LabgridError:
        return LabgridError(f"{self.config.label}: {step} failed: {_last_line(done)}")

    # ---- the life cycle ---------------------------------------------------------------

    def acquire(self) -> str:
        """Acquire the place (once) and return its serial port's URL."""
        if self.url is not None:
            return self.url
        started = time.monotonic()
        done = self._client("acquire")
        if done.returncode != 0:
            message = _last_line(done)
            if "already acquired" in message and "You have" in message:
                message += (" (another run of yours holds it, or one that was killed before it "
                            f"released it: labgrid-client -x {self.config.coordinator} "
                            f"-p {self.config.place} release)")
            raise LabgridError(f"{self.config.label}: acquire failed: {message}")
        self._finalizer = weakref.finalize(self, _release, find_client(self.config.client),
                                           self.config.coordinator, self.config.place)
        self.timings["acquire_s"] = time.monotonic() - started
        try:
            self.url = self._wait_for_port(started + self.config.timeout_s)
        except BaseException:
            self.release()
            raise
        self.timings["port_s"] = time.monotonic() - started - self.timings["acquire_s"]
        log.info("%s: acquired, serial port %s", self.config.label, self.url)
        return self.url

    def _wait_for_port(self, deadline: float) -> str:
        while True:
            done = self._client("env", timeout=max(1.0, deadline - time.monotonic()))
            if done.returncode != 0:
                raise self._failure("env", done)
            try:
                env = yaml.safe_load(done.stdout) or {}
                resources = env["targets"][self.config.place]["resources"]
            except (yaml.YAMLError, KeyError, TypeError):
                raise LabgridError(f"{self.config.label}: unexpected `labgrid-client env` output: "
                                   f"{done.stdout.strip()[:200]!r}")
            url = serial_url(resources, self.config.label)
            if url is not None:
                return url
            if time.monotonic() >= deadline:
                raise LabgridError(f"{self.config.label}: the exporter published no port for the "
                                   f"serial port within {self.config.timeout_s:g} s")
            time.sleep(POLL_S)

    def release(self) -> None:
        """Release the place if this object acquired it. Never raises: a failure is logged."""
        finalizer, self._finalizer = self._finalizer, None
        self.url = None
        if finalizer is not None and finalizer.alive:
            started = time.monotonic()
            finalizer()
            self.timings["release_s"] = time.monotonic() - started

    @property
    def acquired(self) -> bool:
        return self._finalizer is not None and self._finalizer.alive

    def show(self) -> str:
        """The place as the coordinator knows it (``labgrid-client show``), without acquiring."""
        done = self._client("show")
        if done.returncode != 0:
            raise self._failure("show", done)
        return done.stdout


def _release(client: str, coordinator: str, place: str) -> None:
    try:
        done = subprocess.run([client, "-x", coordinator, "-p", place, "release"], capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=DEFAULT_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as err:
        log.warning("labgrid place %r at %s: release failed: %s", place, coordinator, err)
        return
    if done.returncode != 0:
        log.warning("labgrid place %r at %s: release failed: %s", place, coordinator, _last_line(done))


def _last_line(done: subprocess.CompletedProcess[str]) -> str:
    """The client's own message: the last non-empty line of stderr (else stdout)."""
    for text in (done.stderr, done.stdout):
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        if lines:
            return lines[-1].removeprefix("labgrid-client: ")
    return f"exit status {done.returncode}"
