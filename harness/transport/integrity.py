"""Answers over a link that can drop, garble, delay or lose bytes: how none becomes a wrong verdict.

The raw REPL has framing (``OK``, stdout, ``\\x04``, stderr, ``\\x04``, ``>``) but no
checksum. On a lossy link a garbled byte in the code makes the board run another
program, and a garbled byte in the reply makes the host judge another output. With
``integrity: true`` (the ``board`` target's default) every program goes through a
*verified exchange*, and the session confirms answers (``harness.confirm``):

1. **Load, proven** (``verified_exec``): one exec holding the program as a bytes
   literal ``_h`` and printing ``<nonce> len(_h) (a, b)``, where ``(a, b)`` is a
   Fletcher sum (mod 65521) the board computes over what it received. The host knows
   the answer before sending; anything but that exact line and the program is not run.
   A dropped byte changes the length; a garbled one changes ``a`` (any single byte) and
   ``b`` (position-weighted: two garbles that cancel in ``a`` still show); damage to the
   few code bytes around the literal gives a SyntaxError or NameError and no such
   line; a late line of an earlier attempt carries another nonce. ``repr()`` escapes
   every control byte, so only the final Ctrl-D ends the raw REPL's input.
2. **Fresh raw REPL** (Ctrl-B Ctrl-A): the firmware frees the line buffer of step 1,
   so the heap holds the program once, as it does without all this.
3. **Run** ``exec(_h,{'__name__':'__main__'})``: the proven copy, at the top of a
   fresh namespace. The exec'd code's frames are named ``"<string>"``, this line's
   ``"<stdin>"``: a traceback with no ``"<string>"`` frame means this line itself was
   damaged (``check_answer``), except a MemoryError while compiling a program too big.
4. **Answer** (``check_answer``): the stderr section carries only an uncaught
   exception; text there that names none is a damaged traceback (read as "no
   exception" it could even PASS).
5. **Sync** (``check_sync``): nothing may follow the prompt that ended the program;
   the target resets to a clean interpreter (as it would before the next spec anyway),
   and the soft reset's answer must be exactly ``OK\\r\\nsoft reboot\\r\\n`` before
   the banner (with another reset method: ``print('<nonce>')`` answered exactly, after
   the reset, since a program that filled the heap leaves no room to compile a print).
   Bytes of a cut or late reply, and damage to this exchange, show here.

Any failed check is a link failure for that attempt (INFRA, the ladder resyncs, the
session tries again). What the checks do not prove is the program's stdout on its way
back: that is the session's part (``harness.confirm``). A PASS is taken at once (a
damaged reply cannot equal the reference output, and step 4 keeps a damaged traceback
from reading as "no exception"); any other verdict needs a second attempt with the same
observation. Output damage hits a random byte of a random attempt, so two attempts
damaged into the same wrong answer do not happen. (Damage to the *code* does have
attractors: most garbles end in the same SyntaxError with no output, twice. That is why
the code is proven exactly, and not left to confirmation: the fault campaign found it.)

Why not prove stdout on the board too? MicroPython 1.9.2 on the micro:bit has about
9 KB of heap and a C stack six Python calls deep; ``exec`` above already costs two of
them. A checksumming ``print`` replacement is one more Python frame under every
``print``, and ``print(some_list)`` then overflows the stack (measured).

Costs: about 10 ms more per spec through a pty; two of the micro:bit's six call
levels; a second run of specs that do not pass. A spec whose output differs on every
run (it prints ``id()`` or the time) and does not pass never gets two equal answers:
INFRA on such a link.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from harness.transport.rawrepl import ExecResult, RawRepl
from harness.transport.stream import TransportError

MOD = 65521
SYNC_TIMEOUT_S = 2.0
LOAD_TIMEOUT_S = 5.0
REENTER_TIMEOUT_S = 1.0  # boards answer Ctrl-B Ctrl-A in milliseconds; a damaged banner costs this
RUN_CODE = b"exec(_h,{'__name__':'__main__'})"
# What a soft reset says before the raw REPL banner (1.9.2: "soft reboot"; later "MPY: ...").
SOFT_REBOOT = re.compile(rb"OK\r\n(MPY: )?soft reboot\r\n")
LOAD = """\
_h={code}
def _c(d):
 a=1;b=0
 for x in d:a=(a+x)%{mod};b=(b+a)%{mod}
 return a,b
print('{nonce}',len(_h),_c(_h))
del _c
"""


class OutOfSync(TransportError):
    """A check of the verified exchange failed: the link dropped or damaged bytes."""


def fletcher(data: bytes) -> tuple[int, int]:
    """What the load code computes on the board: a = 1 + sum, b = sum of the running a's."""
    a, b = 1, 0
    for value in data:
        a = (a + value) % MOD
        b = (b + a) % MOD
    return a, b


def load_code(code: bytes, nonce: str) -> bytes:
    return LOAD.format(code=repr(code), mod=MOD, nonce=nonce).encode()


def load_answer(code: bytes, nonce: str) -> str:
    return f"{nonce} {len(code)} {fletcher(code)}\n"


def verified_exec(repl: RawRepl, code: bytes | str, timeout: float) -> ExecResult:
    """Steps 1-3: load the program, proven; a fresh raw REPL; run the proven copy.

    A program too big for the heap fails to load with MemoryError: that answer is returned
    as the program's (it is what the board says of it, and repeats)."""
    if isinstance(code, str):
        code = code.encode("utf-8")
    code = code or b"\n"
    nonce = secrets.token_hex(6)
    loaded = repl.exec(load_code(code, nonce), LOAD_TIMEOUT_S + len(code) / 500)
    if loaded.stdout != load_answer(code, nonce) or loaded.stderr or loaded.timed_out:
        last = (loaded.stderr.strip().splitlines() or [""])[-1]
        if not loaded.stdout and not loaded.timed_out and last.startswith("MemoryError"):
            return loaded
        raise OutOfSync(f"{repl.device}: load not confirmed: got {loaded.stdout[-60:]!r} "
                        f"{loaded.stderr[-60:]!r}, expected {load_answer(code, nonce)!r}")
    repl.reenter(REENTER_TIMEOUT_S)
    return repl.exec(RUN_CODE, timeout)


def check_answer(stderr: str, exception: str | None) -> None:
    """Step 4 (and the check of step 3's line): the traceback is readable and comes from
    the program, not from the line that started it."""
    if not stderr.strip():
        return
    if exception is None:
        raise OutOfSync(f"unreadable traceback {stderr[-80:]!r}: reply damaged")
    if '"<string>"' not in stderr and exception != "MemoryError":
        raise OutOfSync(f"the line that runs the program failed ({stderr.strip()[-80:]!r}): "
                        "it was damaged on the way")


def check_sync(repl: RawRepl, reset: Callable[[], bytes | None],
               timeout: float = SYNC_TIMEOUT_S) -> None:
    """Step 5: nothing pending after the answer; ``reset``; then a soft reset's exact words,
    or (other resets) ``print('<nonce>')`` answered exactly. OutOfSync otherwise."""
    junk = repl.discard_input()  # nothing may follow the prompt that ended the program
    if junk:
        raise OutOfSync(f"{repl.device}: {len(junk)} unexpected bytes after the program's "
                        f"answer ({junk[:40]!r})")
    said = reset()
    if said is not None:  # a soft reset: late or damaged bytes land before its banner
        if not SOFT_REBOOT.fullmatch(said):
            raise OutOfSync(f"{repl.device}: the soft reset answered {said[-60:]!r}: "
                            "reply lost or damaged")
        return
    nonce = secrets.token_hex(6)
    result = repl.exec(f"print('{nonce}')", timeout)
    if result.stdout != nonce + "\n" or result.stderr or result.timed_out:
        raise OutOfSync(f"{repl.device}: sync check answered {result.stdout[-60:]!r} "
                        f"{result.stderr[-60:]!r}, expected {nonce!r}: reply lost or damaged")
