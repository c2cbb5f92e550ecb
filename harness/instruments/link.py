"""One instrument's SCPI conversation over a PyVISA resource.

Every failure (no answer, a garbage answer, a broken connection) becomes an
``InstrumentError`` naming the instrument, its resource string and the command.
Only ``write``, ``read`` and ``read_bytes`` of the resource are used, so a test can stand
in a recorded conversation for a real instrument.
"""

from __future__ import annotations

import math
import re
from typing import Any

from harness.instruments.errors import InstrumentError

INVALID_FLOOR = 9.9e37  # scopes answer 9.9E37 (Tek 9.91E37) for "no valid measurement"
INVALID_WORDS = ("****", "INVALID", "NONE", "NAN")
_NUMBER = re.compile(r"^\s*(?:[A-Za-z0-9:]+\s+)?(?:[A-Z]+,)?([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")


def parse_number(answer: str) -> float | None:
    """A scope's numeric answer; None for its "no valid value" sentinels.

    Raises ValueError for an answer that holds no number.
    """
    text = answer.strip().strip('"')
    if not text:
        raise ValueError("empty answer")
    if text.upper() in INVALID_WORDS:
        return None
    match = _NUMBER.match(text)
    if not match:
        raise ValueError(f"not a number: {answer.strip()[:60]!r}")
    value = float(match.group(1))
    if math.isnan(value) or abs(value) >= INVALID_FLOOR:
        return None
    return value


def open_resource(resource: str, timeout_s: float, backend: str = "@py") -> Any:
    import pyvisa

    manager = pyvisa.ResourceManager(backend)
    handle = manager.open_resource(resource, read_termination="\n", write_termination="\n",
                                   timeout=int(timeout_s * 1000))
    return handle


class Link:
    def __init__(self, name: str, resource_name: str, resource: Any, timeout_s: float = 5.0):
        self.name = name
        self.resource_name = resource_name
        self.resource = resource
        self.timeout_s = timeout_s
        self.log: list[str] = []  # the commands sent, for evidence

    @classmethod
    def open(cls, name: str, resource_name: str, timeout_s: float = 5.0, backend: str = "@py") -> Link:
        try:
            resource = open_resource(resource_name, timeout_s, backend)
        except Exception as err:  # pyvisa raises many kinds here (VisaIOError, OSError, ValueError)
            raise InstrumentError(name, resource_name, None, f"cannot open: {_describe(err)}") from None
        return cls(name, resource_name, resource, timeout_s)

    def error(self, command: str | None, problem: str) -> InstrumentError:
        return InstrumentError(self.name, self.resource_name, command, problem)

    # ---- the conversation ------------------------------------------------------------------

    def write(self, command: str) -> None:
        self.log.append(command)
        try:
            self.resource.write(command)
        except Exception as err:
            raise self.error(command, _describe(err, self.timeout_s)) from None

    def read(self, command: str) -> str:
        try:
            answer = self.resource.read()
        except UnicodeDecodeError:
            raise self.error(command, "answered bytes that are not text (garbage)") from None
        except Exception as err:
            raise self.error(command, _describe(err, self.timeout_s)) from None
        if not isinstance(answer, str):
            raise self.error(command, f"unexpected answer {answer!r}")
        return answer.strip()

    def query(self, command: str) -> str:
        self.write(command)
        return self.read(command)

    def query_number(self, command: str) -> float | None:
        answer = self.query(command)
        try:
            return parse_number(answer)
        except ValueError:
            raise self.error(command, f"answered {answer[:80]!r}, expected a number") from None

    def query_int(self, command: str) -> int:
        value = self.query_number(command)
        if value is None or value != int(value):
            raise self.error(command, f"answered {value!r}, expected an integer")
        return int(value)

    def query_block(self, command: str) -> bytes:
        """An IEEE 488.2 definite-length block (``#<n><length><data>``) and its terminator."""
        self.write(command)
        head = self._read_bytes(command, 2)
        if head[:1] != b"#" or not head[1:2].isdigit() or head[1:2] == b"0":
            rest = self._drain()
            raise self.error(command, f"answered {(head + rest)[:40]!r}, expected a #<n><length> block")
        digits = int(head[1:2])
        size_text = self._read_bytes(command, digits)
        if not size_text.isdigit():
            raise self.error(command, f"bad block length {size_text!r}")
        data = self._read_bytes(command, int(size_text))
        tail = self._read_bytes(command, 1)
        if tail != b"\n":
            raise self.error(command, f"block not followed by a newline (got {tail!r})")
        return data

    def _read_bytes(self, command: str, count: int) -> bytes:
        if count == 0:
            return b""
        try:
            data = self.resource.read_bytes(count)
        except Exception as err:
            raise self.error(command, _describe(err, self.timeout_s)) from None
        if len(data) != count:
            raise self.error(command, f"block cut short: {len(data)} of {count} bytes")
        return bytes(data)

    def _drain(self) -> bytes:
        try:
            return bytes(self.resource.read_bytes(64, break_on_termchar=True))
        except Exception:
            return b""

    def close(self) -> None:
        try:
            self.resource.close()
        except Exception:  # closing a broken connection must not hide the first error
            pass


def _describe(err: BaseException, timeout_s: float | None = None) -> str:
    try:
        import pyvisa
        from pyvisa import constants

        if isinstance(err, pyvisa.errors.VisaIOError):
            if err.error_code == constants.StatusCode.error_timeout:
                return f"no answer within {timeout_s:g} s (timeout)" if timeout_s else "timeout"
            return f"VISA error {err.abbreviation}: {err.description}"
    except ImportError:
        pass
    if isinstance(err, TimeoutError):
        return f"no answer within {timeout_s:g} s (timeout)" if timeout_s else "timeout"
    return f"{type(err).__name__}: {err}"
