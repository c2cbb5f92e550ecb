"""The virtual scope: a SCPI instrument server whose channels are the emulator's GPIO lines."""

from harness.instruments.virtual.server import VirtualScope
from harness.instruments.virtual.signals import EdgeSource, Level, ScriptedSource

__all__ = ["EdgeSource", "Level", "ScriptedSource", "VirtualScope"]
