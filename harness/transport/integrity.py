"""Answers over a link that can drop, garble, delay or lose bytes: how none becomes a wrong verdict.

The raw REPL has framing (``OK``, stdout, ``\\x04``, stderr, ``\\x04``, ``>``) but no
checksum. On a lossy link a garbled byte in the code makes the board run another
program, and a garbled byte in the reply makes the host judge another output. Two
mechanisms together make sure no such exchange is judged (``integrity: true``, the
``board`` target's default):

1. **A sync check after every program** (``check_sync``, this module): nothing may
   follow the prompt that ended the program; the target resets to a clean interpreter
   (which it would do before the next spec anyway), then the host runs
   ``print('<nonce>')``, a fresh random nonce, and the whole reply must be exactly
   ``OK<nonce>\\r\\n\\x04\\x04>``. It proves the board is alive at the raw prompt and the
   conversation is in step: a reply that was cut short or arrived late (a delay, an
   outage, a dropped ``\\x04``) leaves bytes that land in this answer, and any of the
   ~20 bytes garbled or dropped shows too. The program's answer then counts as a link
   failure (INFRA for the attempt) and is run again.

2. **Answers are confirmed by repetition** (``harness.confirm``, used by the session):
   a PASS is accepted at once, because a damaged reply cannot equal the reference output
   (it would have to be damaged into exactly what CPython printed); any other verdict is
   accepted only when a second attempt gives the very same observation (stdout,
   exception, exit status; for a timeout or a reset, the same kind of end). A dropped or
   garbled byte, in the code (the board runs a damaged program) or in the reply, hits a
   random place of one attempt: the chance that two independent attempts are damaged
   into the same wrong answer is negligible. Answers that never agree are INFRA.

Why not a checksum computed on the board? MicroPython 1.9.2 on the micro:bit has about
9 KB of heap and a C stack six Python calls deep. Proving the code needs it on the heap
twice (as a bytes literal, then compiled through ``exec``) and ``exec`` costs three of
the six levels; a checksumming ``print`` replacement adds a Python frame to every print,
and ``print(some_list)`` then already overflows the stack (measured). The checks above
cost no heap and no stack: one tiny exec per spec (about 3 ms through a pty), and a
second run of specs that do not pass.

The cost of confirmation: a spec whose output differs on every run (it prints ``id()``
or the time) and does not pass never gets two equal answers: INFRA on such a link.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from harness.transport.rawrepl import RawRepl
from harness.transport.stream import TransportError

SYNC_TIMEOUT_S = 2.0


class OutOfSync(TransportError):
    """The sync check after a program did not come back exactly as sent."""


def check_answer(stderr: str, exception: str | None) -> None:
    """The stderr section of a raw-REPL answer carries only an uncaught exception: text there
    that names none is a damaged traceback (judged as "no exception" it could even PASS)."""
    if stderr.strip() and exception is None:
        raise OutOfSync(f"unreadable traceback {stderr[-80:]!r}: reply damaged")


def check_sync(repl: RawRepl, reset: Callable[[], None], timeout: float = SYNC_TIMEOUT_S) -> None:
    """Nothing pending after the program's answer; ``reset`` (the target's clean-up between
    specs: a program that filled the heap leaves no room to compile even a print); then
    ``print('<nonce>')`` answered exactly. OutOfSync otherwise."""
    junk = repl.discard_input()  # nothing may follow the prompt that ended the program
    if junk:
        raise OutOfSync(f"{repl.device}: {len(junk)} unexpected bytes after the program's "
                        f"answer ({junk[:40]!r})")
    reset()
    nonce = secrets.token_hex(6)
    result = repl.exec(f"print('{nonce}')", timeout)
    if result.stdout != nonce + "\n" or result.stderr or result.timed_out:
        raise OutOfSync(f"{repl.device}: sync check answered {result.stdout[-60:]!r} "
                        f"{result.stderr[-60:]!r}, expected {nonce!r}: reply lost or damaged")
