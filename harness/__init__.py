"""micropython-harness: one conformance suite, every MicroPython target."""

__version__ = "0.1.0"
