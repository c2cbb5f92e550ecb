"""Heavy modules imported on a thread of their own while the run waits for its targets."""

from __future__ import annotations

import importlib
import threading


def import_in_background(*names: str, thread: str) -> None:
    """Import ``names`` in order on a daemon thread named ``thread``. A module that cannot be
    imported stops it quietly: whoever uses it says why."""

    def load() -> None:
        for name in names:
            try:
                importlib.import_module(name)
            except ImportError:
                return

    threading.Thread(target=load, name=thread, daemon=True).start()
