"""harness.transport.labgrid without a lab: the environment file's serial port, the client's
messages, and a coordinator that never answers (the full chain: tests/rig/test_remote_boards.py)."""

from __future__ import annotations

import socket
import subprocess

import pytest

from harness.transport.labgrid import (
    LabgridError,
    LabgridPlace,
    PlaceConfig,
    _last_line,
    find_client,
    serial_url,
)


def test_the_serial_port_of_an_environment():
    resources = [{"NetworkSerialPort": {"name": "RawSerialPort", "host": "10.0.0.5", "port": 51234,
                                        "speed": 115200}}]
    assert serial_url(resources, "p") == "rfc2217://10.0.0.5:51234?ign_set_control"
    raw = [{"NetworkSerialPort": {"host": "h", "port": 5000, "protocol": "raw"}}]
    assert serial_url(raw, "p") == "socket://h:5000"
    # Right after acquire the exporter has not started its ser2net yet: no port.
    assert serial_url([{"NetworkSerialPort": {"host": "h", "port": None}}], "p") is None
    with pytest.raises(LabgridError, match=r"p: no serial port \(NetworkSerialPort\) among its resources "
                                           r"\(USBPowerPort, NetworkService\)"):
        serial_url([{"USBPowerPort": {}}, {"NetworkService": {}}], "p")


def test_the_clients_own_message_is_kept():
    stderr = "INFO x\nlabgrid-client: Error: place pattern x matches nothing\n"
    done = subprocess.CompletedProcess([], 1, stdout="", stderr=stderr)
    assert _last_line(done) == "Error: place pattern x matches nothing"
    assert _last_line(subprocess.CompletedProcess([], 3, "", "")) == "exit status 3"


def test_place_options(monkeypatch):
    monkeypatch.setenv("LG_COORDINATOR", "lab-coordinator:20408")
    assert PlaceConfig.from_option({"place": "p"}).coordinator == "lab-coordinator:20408"
    config = PlaceConfig.from_option({"place": "p", "coordinator": "c:1", "timeout_s": 3})
    assert (config.coordinator, config.timeout_s) == ("c:1", 3.0)
    assert config.label == "labgrid place 'p' at c:1"


def test_a_configured_client_that_is_not_there(tmp_path):
    with pytest.raises(LabgridError, match=r"labgrid place 'p' at c:1: labgrid client '.*/none' not found"):
        LabgridPlace(PlaceConfig("p", "c:1", client=str(tmp_path / "none"))).acquire()


def _client() -> str | None:
    try:
        return find_client()
    except LabgridError:
        return None


@pytest.mark.skipif(_client() is None, reason="labgrid-client (.venv-labgrid, made by make setup) missing")
def test_a_coordinator_that_never_answers_is_an_error_not_a_hang():
    with socket.socket() as silent:  # accepts connections (the kernel does), never speaks
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        place = LabgridPlace(PlaceConfig("p", f"127.0.0.1:{silent.getsockname()[1]}", timeout_s=2))
        with pytest.raises(LabgridError, match=r"`labgrid-client acquire` gave no answer within 2 s"):
            place.acquire()
    assert not place.acquired
