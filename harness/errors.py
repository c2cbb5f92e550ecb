"""The one exception type for problems the user can fix (bad files, unknown names)."""

from __future__ import annotations

from pathlib import Path


class HarnessError(Exception):
    """A user-fixable problem. The message names the file (and line) or device.

    The CLI and the pytest plugin print ``str(err)`` on one line and exit with 2.
    """

    exit_code = 2

    def __init__(self, message: str, *, where: str | Path | None = None, line: int | None = None):
        self.where = str(where) if where is not None else None
        self.line = line
        prefix = ""
        if self.where:
            prefix = f"{self.where}:{line}: " if line else f"{self.where}: "
        super().__init__(prefix + " ".join(str(message).split()))
