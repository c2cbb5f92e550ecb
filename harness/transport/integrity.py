"""A verified raw-REPL exchange: the board proves it ran exactly the code sent, and the host
proves it read exactly what the program printed.

A lossy link (a UART that drops or garbles bytes, a cable that comes and goes) must never
turn into a wrong verdict. Plain raw REPL has framing (``OK``, ``\\x04``, ``\\x04``, ``>``)
but no checksum: a garbled byte in the code makes the board run another program, a
garbled byte in the reply makes the host judge another output. One verified exchange is
three steps, each small enough for MicroPython 1.9.2 on a micro:bit (about 9 KB of heap,
no ``sys.stdin``, no ``ubinascii``):

1. **load**: one exec that holds only two bytes literals, the wrapper ``_w`` and the spec
   ``_h``, and prints ``<nonce> len(_w) (a, b) len(_h) (a, b)`` where ``(a, b)`` is a
   Fletcher/Adler sum (mod 65521) computed on the board. The host computed the same
   numbers before sending: the line must match exactly. A dropped byte changes a
   length, a garbled one changes ``a`` (any single byte) and ``b`` (position-weighted, so
   two garbles that cancel in ``a`` still show); a garble of the few code bytes around
   the literals gives a SyntaxError or NameError and no such line; a stale line of an
   earlier attempt carries another nonce.
2. **fresh raw REPL**: Ctrl-B Ctrl-A, so the firmware frees the line buffer of step 1
   (it keeps it otherwise: the heap would hold the code three times).
3. **run**: ``exec(_w)\\n_r()``. Every byte of logic is in the verified wrapper: it checks
   ``_h`` is still the loaded code (length and sum), replaces ``print`` by one that keeps
   a Fletcher sum of everything it prints, runs ``_h`` in a fresh ``__main__`` namespace,
   restores ``print``, frees the spec's objects and prints the trailer
   ``\\x1e<nonce> <chars> <a> <b> <exception class or ->``, then re-raises the spec's
   exception so the raw REPL reports it as before. Any single garbled or dropped byte in
   the 14 unverified bytes gives an error and no trailer.

The host accepts the run only if the trailer has this attempt's nonce, its character
count and sums match the stdout received (``\\r\\n`` undone as the board cooked it), and
its exception class matches the traceback's last line. Otherwise the exchange is
*unverified*: the caller runs it again, and accepts an unverified answer only when a
repetition gives the very same answer (a program that prints outside ``print``, e.g.
``micropython.mem_info()``, or resets the board, is unverifiable but repeatable; link
noise is not).

Costs, measured on the micro:bit: about 0.6 KB of heap while the spec runs, and three
levels of call depth of the six the firmware's C stack allows (exec() is deep). Use it
where the link can garble (the ``board`` target, by default); an emulator's pty cannot.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from harness.transport.rawrepl import ExecResult, RawRepl, to_text
from harness.transport.stream import TransportError

MOD = 65521
TRAILER_MARK = "\x1e"
LOAD_TIMEOUT_S = 5.0
RUN_CODE = b"exec(_w)\n_r()"

# The wrapper, as the board compiles it. Kept short: it lives on the heap while the spec runs.
# ``c`` holds (chars, a, b) of everything printed; ``file=`` prints are not the program's stdout.
WRAPPER = """\
def _r():
 global _w
 del _w
 import builtins as B,gc
 P=B.print
 c=[0,1,0]
 def p(*x,**k):
  if 'file' in k:return P(*x,**k)
  s=k.get('sep',' ').join(map(str,x))+k.get('end','\\n')
  a=c[1];b=c[2]
  for h in s:a=(a+ord(h))%{mod};b=(b+a)%{mod}
  c[0]+=len(s);c[1]=a;c[2]=b
  P(s,end='')
 if len(_h)!={size} or sum(_h)!={total}:
  P('{mark}{nonce} BAD');return
 g={{'__name__':'__main__'}}
 e=None
 B.print=p
 try:exec(_h,g)
 except BaseException as x:e=x
 B.print=P
 g=None;gc.collect()
 P('{mark}{nonce}',c[0],c[1],c[2],type(e) if e else '-')
 if e:raise e
"""

LOAD = """\
_w={wrapper}
_h={code}
def _c(d):
 a=1;b=0
 for x in d:a=(a+x)%{mod};b=(b+a)%{mod}
 return a,b
print('{nonce}',len(_w),_c(_w),len(_h),_c(_h))
del _c
"""

_TRAILER = re.compile(r"^(\d+) (\d+) (\d+) (?:<class '(\w+)'>|(-))$")


class Unverified(TransportError):
    """The exchange finished, but the board did not prove what it ran or printed.
    ``result`` is what arrived (a repetition of the very same answer may still be accepted)."""

    def __init__(self, message: str, result: ExecResult | None = None):
        super().__init__(message)
        self.result = result


def fletcher(values: bytes | list[int]) -> tuple[int, int]:
    """The sums the board computes: a = 1 + sum, b = sum of the running a's, both mod 65521."""
    a, b = 1, 0
    for value in values:
        a = (a + value) % MOD
        b = (b + a) % MOD
    return a, b


def text_sums(text: str) -> tuple[int, int, int]:
    """(characters, a, b) of printed text, as the board's ``print`` replacement counts it."""
    return (len(text), *fletcher([ord(ch) for ch in text]))


@dataclass(frozen=True)
class Checked:
    """A verified answer: what the program printed and raised, proven by the trailer."""

    stdout: str
    stderr: str
    duration_s: float
    timed_out: bool  # the harness's Ctrl-C stopped it (the trailer says KeyboardInterrupt)
    exception: str | None  # class name from the trailer (None: ended normally)


class Exchange:
    """One verified run of ``code``: ``load`` and ``run`` code with a fresh nonce."""

    def __init__(self, code: bytes, nonce: str | None = None):
        self.code = code or b"\n"
        self.nonce = nonce or secrets.token_hex(4)
        self.wrapper = WRAPPER.format(mod=MOD, size=len(self.code), total=sum(self.code),
                                      mark=TRAILER_MARK, nonce=self.nonce).encode()

    def load_code(self) -> bytes:
        # repr() escapes every control byte (Ctrl-A..Ctrl-E included): the literal travels
        # as printable ASCII, and only the final Ctrl-D ends the raw REPL input.
        return LOAD.format(wrapper=repr(self.wrapper), code=repr(self.code), mod=MOD,
                           nonce=self.nonce).encode()

    def load_answer(self) -> str:
        w, h = fletcher(self.wrapper), fletcher(self.code)
        return f"{self.nonce} {len(self.wrapper)} {w} {len(self.code)} {h}\n"

    def check_load(self, result: ExecResult) -> None:
        if result.timed_out or result.stderr or result.stdout != self.load_answer():
            raise Unverified(f"load not confirmed (got {result.stdout[-60:]!r} "
                             f"{result.stderr[-60:]!r})", result)

    def check_run(self, result: ExecResult, exception_in_stderr: str | None) -> Checked:
        """The verified answer, or Unverified saying what did not match."""
        head, sep, tail = result.stdout.rpartition(TRAILER_MARK + self.nonce)
        if not sep:
            raise Unverified("no trailer from the wrapper (the run was cut or garbled)", result)
        if tail.startswith(" BAD"):
            raise Unverified("the loaded code changed before the run", result)
        match = _TRAILER.match(tail.strip(" \n"))
        if match is None or not tail.endswith("\n"):
            raise Unverified(f"garbled trailer {tail[:60]!r}", result)
        counted = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if counted != text_sums(head):
            raise Unverified(f"stdout does not match the board's count {counted} "
                             f"(received {text_sums(head)})", result)
        raised = match.group(4)
        reported = None if raised in (None, "SystemExit") else raised
        if reported != exception_in_stderr:
            raise Unverified(f"traceback names {exception_in_stderr!r}, the board raised {raised!r}", result)
        timed_out = result.timed_out and raised == "KeyboardInterrupt"
        return Checked(head, result.stderr, result.duration_s, timed_out, raised)


def load(repl: RawRepl, exchange: Exchange) -> None:
    """Steps 1 and 2: the code is on the board, proven, and the raw REPL is fresh."""
    exchange.check_load(repl.exec(exchange.load_code(), LOAD_TIMEOUT_S))
    repl.reenter()


def run(repl: RawRepl, timeout: float) -> ExecResult:
    """Step 3: run the loaded code (the caller checks the answer with ``check_run``)."""
    return repl.exec(RUN_CODE, timeout)


__all__ = ["Checked", "Exchange", "Unverified", "fletcher", "load", "run", "text_sums", "to_text"]
