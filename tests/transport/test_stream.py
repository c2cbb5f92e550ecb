"""Opening streams: URLs, paths, auto-detection by USB id, TCP_NODELAY."""

from __future__ import annotations

import socket
import threading
from types import SimpleNamespace

import pytest
import serial

from harness.errors import HarnessError
from harness.transport import stream as stream_mod
from harness.transport.stream import LinkLost, find_board, open_stream, parse_usb_id, resolve_port


def test_loop_url_round_trip():
    s = open_stream("loop://")
    try:
        s.write(b"abc")
        assert s.read(3) == b"abc"
    finally:
        s.close()


def test_socket_url_sets_nodelay():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]))
    thread.start()
    s = open_stream(f"socket://127.0.0.1:{port}")
    try:
        sock = s._socket  # type: ignore[attr-defined]
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        s.close()
        thread.join(5)
        for conn in accepted:
            conn.close()
        server.close()


def test_unopenable_path_names_the_device(tmp_path):
    missing = tmp_path / "ttyNOPE"
    with pytest.raises(LinkLost, match="ttyNOPE"):
        open_stream(str(missing))


def _ports(*entries):
    return [SimpleNamespace(device=d, vid=v, pid=p, description="x") for d, v, p in entries]


def test_auto_prefers_the_pyboard(monkeypatch):
    monkeypatch.setattr(
        stream_mod.serial.tools.list_ports, "comports",
        lambda: _ports(("/dev/ttyACM1", 0x0D28, 0x0204), ("/dev/ttyACM0", 0xF055, 0x9800)),
    )
    assert find_board() == "/dev/ttyACM0"
    assert find_board(["0d28:0204"]) == "/dev/ttyACM1"
    assert resolve_port("auto") == "/dev/ttyACM0"
    assert resolve_port("socket://h:1") == "socket://h:1"


def test_auto_without_board_is_a_user_error(monkeypatch):
    monkeypatch.setattr(stream_mod.serial.tools.list_ports, "comports",
                        lambda: _ports(("/dev/ttyS0", None, None)))
    with pytest.raises(HarnessError, match="no board with USB id f055:9800"):
        find_board(["f055:9800"])


def test_bad_usb_id():
    assert parse_usb_id("F055:9800") == (0xF055, 0x9800)
    with pytest.raises(HarnessError, match="bad USB id"):
        parse_usb_id("pyboard")


def test_serial_package_is_pyserial():
    assert hasattr(serial, "serial_for_url")


def test_host_pipe_counts_what_the_peer_has_not_taken(tmp_path):
    import os

    from harness.transport.stream import HostPipe

    pipe = HostPipe(str(tmp_path))
    peer_in = os.open(pipe.base + ".in", os.O_RDONLY | os.O_NONBLOCK)
    peer_out = os.open(pipe.base + ".out", os.O_WRONLY | os.O_NONBLOCK)
    try:
        assert pipe.port == f"pipe:{tmp_path}/serial"
        pipe.write(b"0123456789")
        assert pipe.tx_backlog() == 10 and pipe.tx_pending()
        assert os.read(peer_in, 4) == b"0123"
        assert pipe.tx_backlog() == 6
        os.read(peer_in, 6)
        assert not pipe.tx_pending()
        pipe.peer_busy = lambda: True
        assert pipe.tx_pending()
        os.write(peer_out, b"OK")
        assert pipe.in_waiting == 2 and pipe.read(2) == b"OK"
        assert pipe.read(1) == b""  # nothing there: empty after the poll time
        pipe.peer_alive = lambda: False
        with pytest.raises(serial.SerialException, match="emulator is gone"):
            pipe.read(1)
    finally:
        os.close(peer_in)
        os.close(peer_out)
        pipe.close()
    assert not os.path.exists(pipe.base + ".in")
    with pytest.raises(serial.SerialException):
        pipe.write(b"x")
