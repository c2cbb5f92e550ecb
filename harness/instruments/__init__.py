"""Oscilloscopes through PyVISA: one interface (``Scope``), SCPI dialects as command tables
(``dialects``), host-side measurements (``analysis``), and the virtual scope fed by the
emulator's GPIO (``virtual``)."""

from __future__ import annotations

from harness.instruments.dialects import DIALECTS
from harness.instruments.errors import InstrumentError
from harness.instruments.link import Link
from harness.instruments.scope import Scope, ScpiScope
from harness.instruments.waveform import ScopeIdentity, Waveform

__all__ = ["DIALECTS", "InstrumentError", "Link", "Scope", "ScopeIdentity", "ScpiScope", "Waveform",
           "open_scope"]


def open_scope(name: str, resource: str, dialect: str, timeout_s: float = 5.0) -> ScpiScope:
    """Connect to a scope through pyvisa-py; InstrumentError when it cannot be reached."""
    if dialect not in DIALECTS:
        raise InstrumentError(name, resource, None, f"unknown dialect {dialect!r} "
                                                    f"(known: {', '.join(DIALECTS)})")
    return ScpiScope(Link.open(name, resource, timeout_s), DIALECTS[dialect])
