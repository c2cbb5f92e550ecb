"""Flashing a Pyboard with mpflash: the real subprocess code against a fake mpflash on PATH and
the fake Pyboard (raw REPL over a pty), and the CLI when mpflash is not installed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fake_mpflash import calls, install_fake_mpflash
from fake_pyboard import FakePyboard, dfu_file
from firmware_support import write_manifest

from harness.errors import HarnessError
from harness.firmware.dfu import FlashError, State, Timeouts
from harness.firmware.manifest import Image, file_sha256, load_manifest
from harness.firmware.mpflash import (
    MpflashFlasher,
    download_command,
    flash_command,
    mpflash_errors,
    mpflash_failure,
)

FAST = Timeouts(bootloader_s=1.0, download_s=20.0, board_s=1.0, repl_s=2.0, poll_s=0.02)

# What mpflash 1.29.0 printed here (COLUMNS=200): a port that is not there, and a download
# without network (exit 0, nothing fetched).
REAL_USAGE_ERROR = """\
10:42:07 | ℹ️ Interactive mode disabled. Skipping ask for user input.
 Usage: mpflash flash [OPTIONS]

 Try 'mpflash flash --help' for help
╭─ Error ──────────────────────────────────────────────────────────────────────────────────────────╮
│ No serial ports matched: /dev/ttyACM7. Check the port name, or use '--serial *' to auto-detect. │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
"""
REAL_OFFLINE_DOWNLOAD = """\
10:42:06 | ℹ️ Interactive mode disabled. Skipping ask for user input.
10:42:07 | ❌ HTTPSConnectionPool(host='micropython.org', port=443): Max retries exceeded with url: \
/download/?port=stm32 (Caused by NameResolutionError("HTTPSConnection(host='micropython.org', port=443): \
Failed to resolve 'micropython.org' ([Errno -2] Name or service not known)"))
10:42:07 | ❌ Could not connect to micropython.org
"""


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """The release file micropython.org serves to the fake mpflash."""
    (tmp_path / "served").mkdir()
    return dfu_file(tmp_path / "served" / "PYBV11-20241129-v1.24.1.dfu", "1.24.1")


def _image(release: Path, **changes) -> Image:
    fields = dict(name="pyboard-1.24.1", board="PYBV11", micropython="1.24.1", format="dfu",
                  flash="mpflash", source_kind="url",
                  source={"url": {"url": "https://micropython.org/x.dfu", "path": "x.dfu"}},
                  sha256=file_sha256(release), path=None, identify={"build": "PYBV11"},
                  where="manifest.yaml:7")
    fields.update(changes)
    return Image(**fields)


@pytest.fixture
def rig(tmp_path: Path, release: Path, monkeypatch):
    """make(board kwargs, mpflash config) -> (fake board, bin folder with mpflash on PATH)."""
    boards: list[FakePyboard] = []

    def make(board: dict | None = None, **config) -> tuple[FakePyboard, Path]:
        fake = FakePyboard(tmp_path / f"board{len(boards)}", **(board or {}))
        boards.append(fake)
        bin_dir = tmp_path / "bin"
        install_fake_mpflash(bin_dir, fake, release, **{"dfu_wait_s": 1.0, "restart_wait_s": 1.0, **config})
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
        return fake, bin_dir

    yield make
    for fake in boards:
        fake.close()


def _flasher(fake: FakePyboard, image: Image, tmp_path: Path, **kwargs) -> MpflashFlasher:
    return MpflashFlasher(image, list_serial=fake.list_serial, timeouts=kwargs.pop("timeouts", FAST),
                          say=lambda _line: None, folder=tmp_path / "mpflash-dir", **kwargs)


def _gone(pid: int, grace_s: float = 5.0) -> bool:
    """The process has exited (a zombie counts): a SIGKILLed process closes its files before
    it turns zombie, so it may still show as running for a moment after its pipe closed."""
    deadline = time.monotonic() + grace_s
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


# ---- command lines and mpflash's output -------------------------------------------------------


def test_commands_name_one_board_one_release_and_the_harness_folder(release, tmp_path):
    image = _image(release)
    folder = tmp_path / "mp"
    assert download_command("mpflash", folder, image) == [
        "mpflash", "--dir", str(folder), "--no-interactive", "download",
        "--board", "PYBV11", "--version", "1.24.1"]
    assert flash_command("mpflash", folder, image, "/dev/ttyACM0") == [
        "mpflash", "--dir", str(folder), "--no-interactive", "flash", "--board", "PYBV11",
        "--version", "1.24.1", "--serial", "/dev/ttyACM0", "--bootloader", "mpy"]


def test_errors_are_read_from_real_mpflash_output():
    assert mpflash_errors(REAL_OFFLINE_DOWNLOAD)[-1] == "Could not connect to micropython.org"
    assert mpflash_errors(REAL_USAGE_ERROR) == []  # the box counts only for a usage error (exit 2)
    assert mpflash_errors(REAL_USAGE_ERROR, usage=True) == [
        "No serial ports matched: /dev/ttyACM7. Check the port name, or use '--serial *' to auto-detect."]
    message = mpflash_failure(REAL_USAGE_ERROR, 2)
    assert message.startswith("mpflash exit 2: No serial ports matched: /dev/ttyACM7.")
    assert "went away" in message and "\n" not in message
    offline = mpflash_failure(REAL_OFFLINE_DOWNLOAD, 0, last=True)
    assert offline.startswith("mpflash exit 0: Could not connect to micropython.org: ")


def test_a_non_utf8_console_names_the_level_instead_of_the_icon():
    output = "10:00:00 | INFO Updating PYBV11\n10:00:01 | ERROR Failed to flash PYBV11 on COM5\n"
    assert mpflash_errors(output) == ["Failed to flash PYBV11 on COM5"]


# ---- the state machine through the fake mpflash and the fake board ----------------------------


def test_flash_fetches_verifies_flashes_and_checks_the_new_identity(rig, release, tmp_path):
    fake, bin_dir = rig(board={"version": "1.22.2"})
    port = fake.port
    flasher = _flasher(fake, _image(release), tmp_path)
    identity = flasher.run()
    assert [state for state, _ in flasher.history] == [
        State.FIND_BOARD, State.FETCH, State.MPFLASH, State.WAIT_BOARD, State.VERIFY, State.DONE]
    folder = str(tmp_path / "mpflash-dir")
    assert calls(bin_dir) == [
        ["--dir", folder, "--no-interactive", "download", "--board", "PYBV11", "--version", "1.24.1"],
        ["--dir", folder, "--no-interactive", "flash", "--board", "PYBV11", "--version", "1.24.1",
         "--serial", port, "--bootloader", "mpy"]]
    # mpflash sent machine.bootloader() over the raw REPL, wrote the release and the board rebooted
    assert fake.reboots == 1 and fake.state()["mode"] == "app"
    assert "1.24.1" in identity["implementation"]
    assert flasher.file == tmp_path / "mpflash-dir" / "stm32" / "PYBV11-v1.24.1.dfu"
    assert "Flashed 1 boards" in (tmp_path / "mpflash-dir" / "flash.log").read_text()


def test_missing_mpflash_says_how_to_install_it(release, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    fake = FakePyboard(tmp_path / "board")
    try:
        with pytest.raises(FlashError) as err:
            _flasher(fake, _image(release), tmp_path).run()
        assert fake.state()["mode"] == "app"
    finally:
        fake.close()
    message = str(err.value)
    assert message.startswith("mpflash is not installed")
    assert "pip install 'micropython-harness[mpflash]'" in message and "\n" not in message


def test_an_image_not_meant_for_mpflash_is_refused(rig, release, tmp_path):
    fake, bin_dir = rig()
    with pytest.raises(FlashError, match="not flashed with mpflash"):
        _flasher(fake, _image(release, flash="dfu"), tmp_path).run()
    assert calls(bin_dir) == []


def test_no_board_stops_before_mpflash_runs_and_mentions_dfu_mode(rig, release, tmp_path):
    fake, bin_dir = rig(board={"mode": "dfu"})
    flasher = _flasher(fake, _image(release), tmp_path)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'find board'" in message and "f055:9800" in message
    assert "already in DFU mode (0483:df11)" in message and "flash: dfu" in message
    assert calls(bin_dir) == []


def test_no_network_fails_the_fetch_before_the_board_is_touched(rig, release, tmp_path):
    fake, bin_dir = rig(offline=True)
    flasher = _flasher(fake, _image(release), tmp_path)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'fetch'" in message and "no PYBV11 1.24.1 release" in message
    assert "mpflash exit 0: Could not connect to micropython.org" in message
    assert [call[3] for call in calls(bin_dir)] == ["download"]
    assert fake.state()["mode"] == "app" and fake.reboots == 0


def test_a_version_micropython_org_does_not_have_fails_the_fetch(rig, release, tmp_path):
    fake, _bin = rig(releases=["1.23.0"])
    with pytest.raises(FlashError) as err:
        _flasher(fake, _image(release), tmp_path).run()
    assert "No relevant firmwares could be found" in str(err.value)


def test_a_fetched_release_with_another_hash_is_refused(rig, release, tmp_path):
    fake, bin_dir = rig()
    image = _image(release, sha256="0" * 64)
    with pytest.raises(FlashError) as err:
        _flasher(fake, image, tmp_path).run()
    message = str(err.value)
    assert "step 'fetch'" in message and "refusing to flash" in message
    assert "does not match the manifest's" in message and "delete" in message
    assert [call[3] for call in calls(bin_dir)] == ["download"]
    assert fake.state()["mode"] == "app" and fake.reboots == 0


def test_a_board_that_does_not_enter_the_bootloader_fails_with_mpflash_s_reason(rig, release, tmp_path):
    fake, _bin = rig(board={"ignore_bootloader": True})
    port = fake.port
    flasher = _flasher(fake, _image(release), tmp_path)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'flash with mpflash'" in message and "mpflash exit 1" in message
    assert f"Failed to enter bootloader for PYBV11 on {port}" in message
    assert "flash.log" in message
    assert flasher.state is State.FAILED


def test_no_permission_for_the_dfu_device_gives_the_udev_rule(rig, release, tmp_path):
    fake, _bin = rig(dfu_access=True)
    with pytest.raises(FlashError) as err:
        _flasher(fake, _image(release), tmp_path).run()
    message = str(err.value)
    assert "Insufficient permissions to access STM32 DFU USB devices." in message
    assert "sudo cp " in message and "65-mpflash-stm32-dfu.rules" in message and "\n" not in message


@pytest.mark.timeout(120)  # if the group is not killed, its sleeper holds the pipe: fail, not hang
def test_a_hanging_mpflash_is_stopped_at_its_deadline_with_its_children(rig, release, tmp_path):
    fake, bin_dir = rig(hang=True)
    timeouts = Timeouts(bootloader_s=1.0, download_s=3.0, board_s=1.0, repl_s=2.0, poll_s=0.02)
    flasher = _flasher(fake, _image(release), tmp_path, timeouts=timeouts)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'flash with mpflash'" in message and "did not finish within 3 s" in message
    assert "bootloader" in message
    # mpflash and what it started (mpremote, here a sleeper) are gone
    assert _gone(int((bin_dir / "pid").read_text()))
    assert _gone(int((bin_dir / "child").read_text()))


def test_a_board_that_does_not_come_back_times_out(rig, release, tmp_path):
    fake, _bin = rig(board={"no_return": True})
    flasher = _flasher(fake, _image(release), tmp_path)
    with pytest.raises(FlashError) as err:
        flasher.run()
    message = str(err.value)
    assert "step 'wait for the board'" in message and "f055:9800 within 1 s" in message
    assert "dfu-util" in message


def test_a_release_that_reports_another_version_fails_verification(rig, tmp_path):
    wrong = dfu_file(tmp_path / "wrong.dfu", "1.23.0")
    fake, _bin = rig()
    install_fake_mpflash(tmp_path / "bin", fake, wrong)  # micropython.org "serves" a mislabelled file
    with pytest.raises(FlashError) as err:
        _flasher(fake, _image(wrong), tmp_path).run()
    assert "step 'verify'" in str(err.value)
    assert "reports MicroPython 1.23.0, the image is 1.24.1" in str(err.value)


# ---- the manifest and the CLI -------------------------------------------------------------------


def test_manifest_refuses_mpflash_for_a_built_image_or_a_preview(tmp_path):
    path = write_manifest(tmp_path, """\
        version: 1
        images:
          - name: pyb
            board: PYBV11
            micropython: 1.29.0-preview
            format: dfu
            source: {build: {port: stm32, board: PYBV11, file: firmware.dfu}}
            flash: mpflash
        """)
    with pytest.raises(HarnessError) as err:
        load_manifest(tmp_path)
    assert str(err.value).startswith(f"{path}:8: image 'pyb': flash: mpflash cannot flash a locally built")
    path.write_text(path.read_text().replace(
        "source: {build: {port: stm32, board: PYBV11, file: firmware.dfu}}",
        f"sha256: {'a' * 64}\n    source: {{path: x.dfu}}"))
    with pytest.raises(HarnessError, match=r":9: image 'pyb': flash: mpflash needs a release version"):
        load_manifest(tmp_path)


def _mpflash_manifest(project, release: Path) -> None:
    write_manifest(project.root, f"""\
        version: 1
        images:
          - name: pyb-1.24.1
            board: PYBV11
            micropython: 1.24.1
            format: dfu
            sha256: {file_sha256(release)}
            source:
              url: {{url: "https://micropython.org/resources/firmware/PYBV11-20241129-v1.24.1.dfu",
                    path: firmware/downloads/PYBV11-v1.24.1.dfu}}
            flash: mpflash
        """)


def test_cli_flash_with_mpflash_missing_is_one_line_and_exit_2(project, release, tmp_path, monkeypatch):
    _mpflash_manifest(project, release)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # the CLI runs as `python -m harness.cli`
    proc = project.harness("firmware", "flash", "pyb-1.24.1")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("harness: error: mpflash is not installed (image 'pyb-1.24.1' has "
                                  "flash: mpflash): pip install 'micropython-harness[mpflash]'")
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_cli_refuses_file_for_an_mpflash_image(project, release):
    _mpflash_manifest(project, release)
    proc = project.harness("firmware", "flash", "pyb-1.24.1", "--file", str(release))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "manifest.yaml:3: --file is for images with flash: dfu" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_lists_the_mpflash_image(project, release):
    _mpflash_manifest(project, release)
    proc = project.harness("firmware", "list")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "pyb-1.24.1" in proc.stdout and "mpflash" in proc.stdout
