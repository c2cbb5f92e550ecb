"""Flashing a Pyboard through DFU, against a fake board that speaks the real protocols."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fake_pyboard import FakePyboard, dfu_file

from harness.firmware.dfu import (
    FlashError,
    PyboardFlasher,
    State,
    Timeouts,
    dfu_command,
    parse_dfu_list,
)
from harness.firmware.manifest import Image, file_sha256

FAST = Timeouts(bootloader_s=1.0, download_s=20.0, board_s=1.0, repl_s=2.0, poll_s=0.02)


@pytest.fixture
def image_file(tmp_path: Path) -> Path:
    return dfu_file(tmp_path / "firmware.dfu", "1.29.0-preview")


def _image(path: Path, **changes) -> Image:
    fields = dict(name="pyboard-test", board="PYBV11", micropython="1.29.0-preview", format="dfu",
                  flash="dfu", source_kind="path", source={"path": str(path)},
                  sha256=file_sha256(path), path=path, identify={"build": "PYBV11"},
                  where="manifest.yaml:3")
    fields.update(changes)
    return Image(**fields)


@pytest.fixture
def board(tmp_path: Path):
    boards = []

    def make(**kwargs) -> FakePyboard:
        fake = FakePyboard(tmp_path / f"board{len(boards)}", **kwargs)
        boards.append(fake)
        return fake

    yield make
    for fake in boards:
        fake.close()


def _flasher(fake: FakePyboard, image: Image, file: Path, **kwargs) -> PyboardFlasher:
    return PyboardFlasher(image, file, dfu_util=str(fake.dfu_util), list_serial=fake.list_serial,
                          timeouts=kwargs.pop("timeouts", FAST), say=lambda _line: None, **kwargs)


def test_dfu_command_writes_a_dfuse_file_and_leaves_dfu_mode(tmp_path):
    assert dfu_command("dfu-util", tmp_path / "fw.dfu") == [
        "dfu-util", "-a", "0", "-d", "0483:df11", "-s", ":leave", "-D", str(tmp_path / "fw.dfu")]


def test_parse_dfu_list_finds_the_stm32_bootloader():
    text = ('dfu-util 0.11\n\nFound DFU: [0483:df11] ver=2200, devnum=12, cfg=1, intf=0, path="1-1.2", '
            'alt=0, name="@Internal Flash  /0x08000000/04*016Kg", serial="385B37623036"\n'
            'Found Runtime: [05ac:8290] ver=0104, devnum=2, cfg=1, intf=5, path="1-4", alt=0\n')
    assert parse_dfu_list(text) == [(0x0483, 0xDF11)]
    assert parse_dfu_list("dfu-util 0.11\n") == []


def test_flash_walks_every_state_and_verifies_the_new_firmware(board, image_file):
    fake = board(version="1.22.2")
    flasher = _flasher(fake, _image(image_file), image_file)
    identity = flasher.run()
    assert [state for state, _ in flasher.history] == [
        State.FIND_BOARD, State.ENTER_BOOTLOADER, State.WAIT_DFU, State.DOWNLOAD, State.WAIT_BOARD,
        State.VERIFY, State.DONE]
    assert "1.29.0" in identity["implementation"]
    downloads = [call for call in fake.dfu_calls if "-D" in call]
    assert downloads == [["-a", "0", "-d", "0483:df11", "-s", ":leave", "-D", str(image_file)]]
    assert fake.state()["mode"] == "app" and fake.reboots == 1


def test_a_board_already_in_dfu_mode_is_flashed_directly(board, image_file):
    fake = board(mode="dfu")
    flasher = _flasher(fake, _image(image_file), image_file)
    flasher.run()
    assert [state for state, _ in flasher.history][:2] == [State.FIND_BOARD, State.DOWNLOAD]
    assert "already in DFU mode" in flasher.history[1][1]


def test_no_board_at_all_names_both_usb_ids(board, image_file):
    fake = board(mode="absent")
    flasher = _flasher(fake, _image(image_file), image_file)
    with pytest.raises(FlashError) as err:
        flasher.run()
    assert "step 'find board'" in str(err.value)
    assert "f055:9800" in str(err.value) and "0483:df11" in str(err.value)
    assert flasher.state is State.FAILED


def test_a_board_that_never_enters_dfu_times_out_with_the_jumper_hint(board, image_file):
    fake = board(ignore_bootloader=True)
    flasher = _flasher(fake, _image(image_file), image_file)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'wait for DFU device'" in message
    assert "0483:df11 within 1 s" in message and "BOOT0" in message
    assert not [call for call in fake.dfu_calls if "-D" in call]  # nothing was written


def test_dfu_util_permission_error_says_how_to_fix_it(board, image_file):
    fake = board(mode="dfu", dfu_error="access")
    flasher = _flasher(fake, _image(image_file), image_file)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'download'" in message and "exit 74" in message
    assert "LIBUSB_ERROR_ACCESS" in message and "udev" in message


def test_a_board_that_does_not_come_back_times_out(board, image_file):
    fake = board(no_return=True)
    flasher = _flasher(fake, _image(image_file), image_file)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'wait for the board'" in message and "f055:9800 within 1 s" in message
    assert [s for s, _ in flasher.history][-2:] == [State.WAIT_BOARD, State.FAILED]


def test_flashed_board_reporting_another_version_fails_verification(board, tmp_path):
    wrong = dfu_file(tmp_path / "other.dfu", "1.23.0")
    fake = board()
    # The manifest's hash is the file's, but the image says 1.29: what the board runs decides.
    flasher = _flasher(fake, _image(wrong), wrong)
    with pytest.raises(FlashError) as err:
        flasher.run()
    assert "step 'verify'" in str(err.value)
    assert "reports MicroPython 1.23.0, the image is 1.29.0-preview" in str(err.value)


def test_a_corrupted_image_is_refused_before_the_board_is_touched(board, image_file, tmp_path):
    fake = board()
    image = _image(image_file)
    corrupted = tmp_path / "corrupted.dfu"
    data = bytearray(image_file.read_bytes())
    data[20] ^= 0xFF
    corrupted.write_bytes(bytes(data))
    with pytest.raises(FlashError) as err:
        _flasher(fake, image, corrupted).run()
    assert "refusing to flash" in str(err.value) and "does not match" in str(err.value)
    assert fake.dfu_calls == [] and fake.state()["mode"] == "app"


def test_missing_dfu_util_is_one_clear_error(board, image_file):
    fake = board()
    flasher = PyboardFlasher(_image(image_file), image_file, dfu_util="/nonexistent/dfu-util",
                             list_serial=fake.list_serial, timeouts=FAST, say=lambda _l: None)
    with pytest.raises(FlashError, match="dfu-util not found"):
        flasher.run()


def test_an_image_not_meant_for_dfu_is_refused(board, image_file):
    fake = board()
    with pytest.raises(FlashError, match="not flashed through DFU"):
        _flasher(fake, _image(image_file, flash="qemu"), image_file).run()


def test_cli_flash_without_a_board_stops_at_find_board(project, tmp_path):
    """Through the real USB boundary of this machine (real dfu-util, pyserial's listing)."""
    image = dfu_file(tmp_path / "fw.dfu", "1.29.0-preview")
    (project.root / "firmware").mkdir()
    (project.root / "firmware" / "manifest.yaml").write_text(
        "version: 1\nimages:\n  - {name: pyb, board: PYBV11, micropython: 1.29.0-preview, format: dfu,\n"
        f"     flash: dfu, sha256: {file_sha256(image)}, source: {{path: {image}}}}}\n")
    if not shutil.which("dfu-util"):
        pytest.skip("dfu-util is not installed")
    proc = project.harness("firmware", "flash", "pyb", "--bootloader-timeout", "1")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("harness: error: flashing 'pyb', step 'find board': no Pyboard found")
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
