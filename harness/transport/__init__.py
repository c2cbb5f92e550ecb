"""The MicroPython raw REPL over any byte stream (serial, pty, socket, RFC 2217), with recovery.

- ``stream``: open a pyserial URL, a device or pty path, or ``auto`` (USB VID:PID);
  ``HostPipe`` for an emulator whose input must be paced by what it has taken.
- ``rawrepl``: the raw REPL protocol (enter, exec, soft reset, interrupt, raw paste).
- ``recovery``: the ladder that brings a silent board back, step by logged step.
"""

from harness.transport.rawrepl import BoardReset, ExecResult, ProgramStuck, RawRepl, ReplTimeout
from harness.transport.recovery import RecoveryFailed, recover
from harness.transport.stream import (
    ByteStream,
    HostPipe,
    LinkLost,
    TransportError,
    open_stream,
    resolve_port,
)

__all__ = [
    "BoardReset",
    "ByteStream",
    "ExecResult",
    "HostPipe",
    "LinkLost",
    "ProgramStuck",
    "RawRepl",
    "RecoveryFailed",
    "ReplTimeout",
    "TransportError",
    "open_stream",
    "recover",
    "resolve_port",
]
