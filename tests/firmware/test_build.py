"""Firmware builds: redone only when the source changes; the real build's images against the
manifest (slow: QEMU boots each image and asks what it runs)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from firmware_support import (
    REPO,
    built_firmware,  # noqa: F401  (session fixture)
    git,
    needs_qemu,
    stub_checkout,
    write_manifest,
)

from harness.errors import HarnessError
from harness.firmware.build import build_firmware
from harness.firmware.check import compare, version_key
from harness.firmware.manifest import CACHE, file_sha256, load_manifest, load_overlay
from harness.firmware.mpy import decode_sys_mpy, emitted_version
from harness.firmware.source import OFFLINE_ENV, vendored_tarball
from harness.targets import TargetConfig, create_target

STUB_MANIFEST = """\
    version: 1
    images:
      - name: stub-image
        board: STUB
        micropython: 9.9.9
        format: elf
        source:
          build: {port: qemu, board: STUB, file: firmware.elf, default: true}
        flash: qemu
    """


@pytest.fixture
def stub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project root with a one-image manifest, and a stub MicroPython checkout."""
    monkeypatch.delenv("MICROPY_SRC", raising=False)
    root = tmp_path / "repo"
    write_manifest(root, STUB_MANIFEST)
    (root / "conformance").mkdir()  # marks the project root for the harness command
    (root / "conformance" / "features.yaml").write_text("version: 1\nfeatures: []\n")
    checkout = stub_checkout(tmp_path / "micropython")

    def build(**kwargs):
        return build_firmware(root, load_manifest(root), source=str(checkout),
                              say=lambda _line: None, **kwargs)

    def makes() -> list[str]:
        log = root / CACHE / "build" / "makes.log"
        return log.read_text().split() if log.exists() else []

    return root, checkout, build, makes


def test_first_build_builds_and_records_the_image(stub):
    root, checkout, build, makes = stub
    report = build()
    assert [(r.step.name, r.status) for r in report.results] == [("mpy-cross", "built"), ("STUB", "built")]
    image = load_manifest(root).get("stub-image")
    assert image.available and image.sha256 == file_sha256(image.path)
    assert image.micropython == "9.9.9-stub"  # the version the build reported
    assert image.commit == git(checkout, "rev-parse", "HEAD")
    assert image.path.is_relative_to(root / CACHE)
    assert not (checkout / "ports" / "qemu" / "build-STUB").exists()  # the checkout stays clean
    assert makes() == ["mpy-cross", "STUB"]


def test_unchanged_source_is_not_rebuilt(stub):
    root, checkout, build, makes = stub
    build()
    overlay = (root / CACHE / "built.yaml").read_text()
    report = build()
    assert [r.status for r in report.results] == ["current", "current"]
    assert makes() == ["mpy-cross", "STUB"]  # make did not run again
    assert (root / CACHE / "built.yaml").read_text() == overlay


def test_a_new_commit_rebuilds(stub):
    root, checkout, build, makes = stub
    build()
    (checkout / "py" / "mpconfig.h").write_text("#define MICROPY_VERSION_MAJOR 10\n")
    git(checkout, "commit", "-q", "-am", "next")
    report = build()
    assert [r.status for r in report.results] == ["built", "built"]
    assert makes() == ["mpy-cross", "STUB", "mpy-cross", "STUB"]
    assert load_manifest(root).get("stub-image").commit == git(checkout, "rev-parse", "HEAD")


def test_uncommitted_changes_rebuild_and_are_marked_dirty(stub):
    root, checkout, build, makes = stub
    build()
    (checkout / "py" / "mpconfig.h").write_text("#define MICROPY_VERSION_MAJOR 11\n")
    report = build()
    assert [r.status for r in report.results] == ["built", "built"]
    assert load_manifest(root).get("stub-image").commit.endswith("+dirty")
    assert build().results[1].status == "current"  # the same dirty tree: current


def test_a_replaced_image_file_is_rebuilt(stub):
    root, checkout, build, makes = stub
    build()
    image = load_manifest(root).get("stub-image")
    image.path.write_bytes(b"tampered")
    assert [r.status for r in build().results] == ["current", "built"]


def test_a_failing_step_keeps_what_finished_and_names_the_log(stub):
    root, checkout, build, makes = stub
    (checkout / "ports" / "qemu" / "Makefile").write_text("all:\n\t@echo 'main.c:1: error: broken'; false\n")
    git(checkout, "commit", "-q", "-am", "break the port")
    with pytest.raises(HarnessError) as err:
        build()
    message = str(err.value)
    assert "building STUB failed (make exit 2)" in message and "main.c:1: error: broken" in message
    assert str(root / CACHE / "logs" / "STUB.log") in message
    assert list(load_overlay(root)) == ["mpy-cross"]  # mpy-cross finished and is kept


def test_a_board_folder_of_ours_is_passed_as_board_dir_and_its_edits_rebuild(stub):
    root, _checkout, build, makes = stub
    write_manifest(root, STUB_MANIFEST.replace("default: true}", "board_dir: boards/idle, default: true}"))
    folder = root / "firmware" / "boards" / "idle"
    folder.mkdir(parents=True)
    (folder / "mpconfigboard.mk").write_text("include boards/$(BOARD)/mpconfigboard.mk\n")
    build()
    image = load_manifest(root).get("stub-image")
    assert f"board_dir={folder}" in image.path.read_text()  # make got the folder, not the port's
    assert [r.status for r in build().results] == ["current", "current"]
    (folder / "stdin_idle.c").write_text("int x;\n")  # a file added to the board: built again
    assert [r.status for r in build().results] == ["current", "built"]
    assert makes() == ["mpy-cross", "STUB", "STUB"]
    (folder / "mpconfigboard.mk").unlink()
    with pytest.raises(HarnessError, match="board_dir boards/idle has no mpconfigboard.mk"):
        build()


def test_unknown_board_is_a_clear_error(stub):
    root, checkout, build, makes = stub
    with pytest.raises(HarnessError, match="no image builds board 'PYBV12'"):
        build(boards=["PYBV12"])


RELEASE_MANIFEST = STUB_MANIFEST.replace("    images:", "    release: {git: GIT, ref: v9.9.9}\n    images:")


@pytest.fixture
def released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A project whose manifest pins release v9.9.9 of a stub MicroPython repository, and
    a build with no source named (so the release is cloned)."""
    monkeypatch.delenv("MICROPY_SRC", raising=False)
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    upstream = stub_checkout(tmp_path / "upstream")
    git(upstream, "tag", "v9.9.9")
    root = tmp_path / "repo"
    write_manifest(root, RELEASE_MANIFEST.replace("GIT", upstream.as_uri()))
    said: list[str] = []

    def build():
        return build_firmware(root, load_manifest(root), say=said.append)

    return root, upstream, build, said


def test_the_pinned_release_is_cloned_once_and_built(released):
    root, upstream, build, said = released
    report = build()
    clone = root / CACHE / "release" / "v9.9.9"
    assert report.source is not None and report.source.tree == clone
    assert [r.status for r in report.results] == ["built", "built"]
    assert load_manifest(root).get("stub-image").commit == git(upstream, "rev-parse", "v9.9.9")
    assert (clone / ".git" / "submodules-STUB").exists()  # the port's submodules were fetched
    shutil.rmtree(upstream)  # a tag does not move: the next build needs no network
    report = build()
    assert [r.status for r in report.results] == ["current", "current"]
    assert sum("cloning" in line for line in said) == 1


def test_a_release_that_cannot_be_cloned_falls_back_to_the_vendored_tarball(released, tmp_path):
    root, upstream, build, said = released
    git(upstream, "tag", "-d", "v9.9.9")  # an unknown tag, as a network failure would be
    tarball = vendored_tarball(root)
    tarball.parent.mkdir(parents=True)
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(stub_checkout(tmp_path / "vendored"), arcname="micropython")
    report = build()
    assert report.source is not None and report.source.kind == "tarball"
    assert [r.status for r in report.results] == ["built", "built"]
    fallback = [line for line in said if "not cloned" in line]
    assert len(fallback) == 1 and "v9.9.9" in fallback[0] and str(tarball) in fallback[0]
    assert not list((root / CACHE / "release").iterdir())  # no half clone left behind


def test_offline_builds_do_not_clone(released, monkeypatch):
    root, upstream, build, said = released
    monkeypatch.setenv(OFFLINE_ENV, "1")
    report = build()
    assert report.source is None and "cloned from" in report.missing_source
    assert not any("cloning" in line for line in said)


def test_no_source_goes_on_with_one_line(project, monkeypatch):
    monkeypatch.delenv("MICROPY_SRC", raising=False)
    monkeypatch.setenv(OFFLINE_ENV, "1")  # the real manifest pins a release: do not clone it
    shutil.copytree(REPO / "firmware", project.root / "firmware")
    proc = project.harness("firmware", "build", "--if-available")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and "no MicroPython source" in lines[0] and "skipped" in lines[0]
    proc = project.harness("firmware", "build")
    assert proc.returncode == 2 and "no MicroPython source" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_missing_source_path_names_it(project, monkeypatch):
    monkeypatch.setenv("MICROPY_SRC", str(project.root / "nowhere"))
    shutil.copytree(REPO / "firmware", project.root / "firmware")
    proc = project.harness("firmware", "build")
    assert proc.returncode == 2
    assert "MICROPY_SRC" in proc.stderr and "nowhere" in proc.stderr and "Traceback" not in proc.stderr


# ---- the real build ------------------------------------------------------------------------


@pytest.mark.slow
def test_built_images_match_their_manifest_entries(built_firmware):  # noqa: F811
    report, manifest = built_firmware
    assert {r.step.name for r in report.results} >= {"mpy-cross", "MPS2_AN385", "MICROBIT"}
    for name in ("micropython-1.29-mps2", "micropython-1.29-microbit"):
        image = manifest.get(name)
        assert image.available, name
        assert image.sha256 == file_sha256(image.path), name
        assert version_key(image.micropython)[0] == (1, 29, 0), image.micropython
        assert image.commit == report.source.commit and image.commit


@pytest.mark.slow
@needs_qemu
@pytest.mark.parametrize(("name", "kind"), [("micropython-1.29-mps2", "qemu-mps2"),
                                            ("micropython-1.29-microbit", "qemu-microbit")])
def test_each_built_image_boots_and_reports_the_manifest_version(built_firmware, name, kind):  # noqa: F811
    _report, manifest = built_firmware
    image = manifest.get(name)
    options = {"firmware": str(image.path)}
    if kind == "qemu-microbit":  # the 1.29 firmware uses semihosting at start
        options["extra_args"] = ["-semihosting"]
    target = create_target(TargetConfig(name, kind, options))
    try:
        target.start()
        identity = target.identity().as_dict()
    finally:
        target.stop()
    assert compare(image, identity) == []  # hash, version and build all as recorded
    assert image.sha256 in identity["firmware"]


@pytest.mark.slow
@needs_qemu
@pytest.mark.parametrize(("name", "kind", "options"), [
    ("micropython-1.29-mps2", "qemu-mps2", {}),
    ("micropython-1.29-microbit", "qemu-microbit", {"icount": 6, "icount_sleep": True})])
def test_built_images_sleep_while_they_wait_for_input(built_firmware, name, kind, options):  # noqa: F811
    """Built with firmware/boards/qemu-idle: at the prompt the guest halts (WFI) and QEMU's
    threads sleep, where ports/qemu's own board polls its UART at a full host core."""
    from harness.targets.qemu import process_busy

    _report, manifest = built_firmware
    target = create_target(TargetConfig(name, kind, {"firmware": str(manifest.get(name).path),
                                                     **options}))
    try:
        target.start()
        target.identity()
        time.sleep(0.1)
        busy = 0
        for _ in range(20):
            busy += process_busy(target.pid)
            time.sleep(0.01)
        before = _cpu_seconds(target.pid)
        time.sleep(0.5)
        spent = _cpu_seconds(target.pid) - before
    finally:
        target.stop()
    assert busy <= 5, f"QEMU was busy in {busy} of 20 looks while the board waited for input"
    assert spent < 0.15, f"{spent:.2f} s of CPU in 0.5 s at the prompt"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow
def test_built_mpy_cross_matches_the_pc_port_bytecode_version(built_firmware):  # noqa: F811
    _report, _manifest = built_firmware
    record = load_overlay(REPO)["mpy-cross"]
    emits = emitted_version(REPO / record["path"])
    assert record["mpy"] == f"{emits.major}.{emits.sub}"
    micropython = Path(sys.executable).with_name("micropython")
    proc = subprocess.run([str(micropython), "-c", "import sys;print(sys.implementation._mpy)"],
                          capture_output=True, text=True, timeout=30)
    pc_port = decode_sys_mpy(int(proc.stdout))
    assert (pc_port.major, pc_port.sub) == (emits.major, emits.sub)


def test_an_interrupted_build_stops_make_and_keeps_the_finished_steps(stub):
    root, checkout, build, makes = stub
    (checkout / "ports" / "qemu" / "Makefile").write_text(
        "all:\n\techo $$$$ > $(BUILD)/../../make.pid; sleep 60\n")
    git(checkout, "commit", "-q", "-am", "a slow port")
    proc = subprocess.Popen([sys.executable, "-m", "harness.cli", "firmware", "build", "--source",
                             str(checkout)], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    pid_file = root / CACHE / "build" / "make.pid"
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text().strip()):
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err
    make_shell = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(make_shell):  # the build's process group was stopped with it
        assert time.monotonic() < deadline, f"make's shell {make_shell} still runs"
        time.sleep(0.05)
    assert list(load_overlay(root)) == ["mpy-cross"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waiting for its parent is gone too
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
