"""The one error an instrument raises: it names the instrument and the command."""

from __future__ import annotations

from harness.errors import HarnessError


class InstrumentError(HarnessError):
    """An instrument answered badly (garbage, wrong identity), not at all, or cannot be reached.

    The session reports it as INFRA: the harness's equipment failed, not the target.
    """

    def __init__(self, instrument: str, resource: str, command: str | None, problem: str):
        self.instrument = instrument
        self.resource = resource
        self.command = command
        self.problem = problem
        where = f"{instrument} ({resource})" if resource and resource != instrument else instrument
        text = f"instrument {where}: {command!r}: {problem}" if command else f"instrument {where}: {problem}"
        super().__init__(text)
