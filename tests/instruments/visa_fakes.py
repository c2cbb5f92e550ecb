"""Stand-ins for instruments that cannot exist here, speaking the real protocol.

``Recorded``: a PyVISA resource that replays a recorded conversation, a list of
(command written, answer) pairs, in the manner of pymeasure's ``expected_protocol``: every
command must come in order, and the instrument answers what was recorded (text, an IEEE
block as bytes, ``None`` for a command without answer, ``TIMEOUT`` for no answer at all).

``BadInstrument``: a TCP server on 127.0.0.1 that answers every query with a fixed text
(garbage, a wrong identity) or never answers, reached through pyvisa-py like a scope.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading

from pyvisa import constants
from pyvisa.errors import VisaIOError

TIMEOUT = object()


class Recorded:
    def __init__(self, conversation: list[tuple[str, object]]):
        self.conversation = list(conversation)
        self.pending: bytes | object | None = None
        self.timeout = 2000

    def write(self, command: str) -> int:
        assert self.conversation, f"unexpected command {command!r}: the conversation is over"
        expected, answer = self.conversation.pop(0)
        assert command == expected, f"expected {expected!r}, the driver wrote {command!r}"
        assert self.pending is None or self.pending == b"", "the last answer was not read"
        if answer is None:
            self.pending = None
        elif answer is TIMEOUT:
            self.pending = TIMEOUT
        elif isinstance(answer, bytes):
            self.pending = answer
        else:
            self.pending = str(answer).encode() + b"\n"
        return len(command)

    def _take(self) -> bytes:
        if self.pending is TIMEOUT or self.pending is None:
            self.pending = None
            raise VisaIOError(constants.StatusCode.error_timeout)
        assert isinstance(self.pending, bytes)
        return self.pending

    def read(self) -> str:
        data = self._take()
        line, _, rest = data.partition(b"\n")
        self.pending = rest
        return line.decode("ascii")

    def read_bytes(self, count: int, break_on_termchar: bool = False) -> bytes:
        data = self._take()
        self.pending = data[count:]
        return data[:count]

    def close(self) -> None:
        pass

    @property
    def finished(self) -> bool:
        return not self.conversation


def block(data: bytes) -> bytes:
    """An IEEE 488.2 definite-length block with its newline."""
    size = str(len(data)).encode()
    return b"#" + str(len(size)).encode() + size + data + b"\n"


def wavedesc(points: int, vdiv: float, offset: float, code_per_div: float, interval: float,
             delay: float, tdiv_index: int, probe: float = 1.0) -> bytes:
    """A 346-byte Siglent WAVEDESC with the fields the driver reads."""
    desc = bytearray(346)
    desc[0:8] = b"WAVEDESC"
    struct.pack_into("<i", desc, 0x74, points)
    struct.pack_into("<fff", desc, 0x9C, vdiv, offset, code_per_div)
    struct.pack_into("<f", desc, 0xB0, interval)
    struct.pack_into("<d", desc, 0xB4, delay)
    struct.pack_into("<h", desc, 0x144, tdiv_index)
    struct.pack_into("<f", desc, 0x148, probe)
    return bytes(desc)


class BadInstrument:
    """Answers every query with ``answer`` (None: never answers); commands are swallowed."""

    def __init__(self, answer: str | None):
        self.answer = answer
        self.received: list[str] = []
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                for raw in self.rfile:
                    line = raw.decode(errors="replace").strip()
                    outer.received.append(line)
                    if "?" in line.split(" ", 1)[0] and outer.answer is not None:
                        self.wfile.write(outer.answer.encode() + b"\n")
                        self.wfile.flush()

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    @property
    def resource(self) -> str:
        return f"TCPIP::127.0.0.1::{self.server.server_address[1]}::SOCKET"

    def __enter__(self) -> BadInstrument:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
