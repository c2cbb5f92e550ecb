"""The recovery ladder: bring a board that stopped answering back to the raw prompt.

Rungs, gentlest first; after each one a tiny program must run and answer:

1. interrupt          Ctrl-C the running program, wait for the raw prompt;
2. re-enter raw REPL  Ctrl-B out, Ctrl-C, Ctrl-A back in;
3. soft reset         Ctrl-D at the raw prompt;
4. hard reset         a callback: ``machine.reset()`` on a board, a restart of an emulator;
5. reopen port        a callback: close and reopen the stream (a real board re-enumerates
                      on USB after a reset).

Each rung is logged. Only when every rung failed does the caller report INFRA.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import serial

from harness.transport.rawrepl import RawRepl
from harness.transport.stream import TransportError

log = logging.getLogger("harness.transport.recovery")

PING_TIMEOUT_S = 1.0
STEP_TIMEOUT_S = 2.0


class RecoveryFailed(TransportError):
    """Every rung of the ladder failed; ``steps`` says what was tried."""

    def __init__(self, message: str, steps: list[str]):
        super().__init__(message)
        self.steps = steps


@dataclass(frozen=True)
class Rung:
    name: str
    action: Callable[[], None]


def _leave_and_enter(repl: RawRepl, timeout: float) -> None:
    try:
        repl.leave(timeout)
    except TransportError:
        pass  # maybe not in the raw REPL at all: entering below is what counts
    repl.enter(timeout)


def _soft_reset(repl: RawRepl, timeout: float) -> None:
    repl.enter(timeout)
    repl.soft_reset(timeout)


def ladder(
    repl: RawRepl,
    hard_reset: Callable[[], None] | None = None,
    reopen: Callable[[], None] | None = None,
    timeout: float = STEP_TIMEOUT_S,
) -> list[Rung]:
    """The rungs for ``repl``; the callbacks leave the board at the raw prompt (or raise).
    ``timeout`` bounds each wait of the gentle rungs."""
    rungs = [
        Rung("interrupt", lambda: repl.interrupt(timeout)),
        Rung("re-enter raw REPL", lambda: _leave_and_enter(repl, timeout)),
        Rung("soft reset", lambda: _soft_reset(repl, timeout)),
    ]
    if hard_reset is not None:
        rungs.append(Rung("hard reset", hard_reset))
    if reopen is not None:
        rungs.append(Rung("reopen port", reopen))
    return rungs


def recover(
    repl: RawRepl,
    hard_reset: Callable[[], None] | None = None,
    reopen: Callable[[], None] | None = None,
    *,
    why: str = "",
    start_at: str | None = None,
    timeout: float = STEP_TIMEOUT_S,
) -> list[str]:
    """Climb the ladder until the board answers. Returns the steps taken, one line each.

    ``start_at`` skips the gentler rungs (e.g. "hard reset" when an emulator died);
    ``timeout`` bounds each wait of the gentle rungs.
    Raises RecoveryFailed (naming the device and every step) when no rung helped.
    """
    steps: list[str] = []
    if why:
        log.warning("%s: recovering: %s", repl.device, why)
    rungs = ladder(repl, hard_reset, reopen, timeout)
    if start_at is not None:
        names = [rung.name for rung in rungs]
        if start_at in names:
            rungs = rungs[names.index(start_at):]
    for rung in rungs:
        try:
            rung.action()
            if repl.ping(min(PING_TIMEOUT_S, timeout)):
                steps.append(f"{rung.name}: ok")
                log.warning("%s: recovery step %r: board answers again", repl.device, rung.name)
                return steps
            steps.append(f"{rung.name}: no answer")
        except (TransportError, serial.SerialException, OSError) as err:
            steps.append(f"{rung.name}: {err}")
        log.warning("%s: recovery step %r failed (%s)", repl.device, rung.name, steps[-1])
    raise RecoveryFailed(
        f"{repl.device}: the board does not answer; tried " + "; ".join(steps), steps
    )
