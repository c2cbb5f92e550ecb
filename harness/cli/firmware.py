"""``harness firmware list|verify|identify|flash|build``: the firmware manifest and its images."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.table import Table

from harness.cli.common import add_rig_options, target_list
from harness.errors import HarnessError
from harness.firmware.manifest import Image, Manifest, load_manifest, verify
from harness.project import find_root


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("firmware", help="firmware images: list, verify, identify, flash, build")
    parser.add_argument("--manifest", default=None, help="manifest file (default: firmware/manifest.yaml)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="the manifest's images, and which are on this machine")
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("verify", help="check image files against the manifest's sha256")
    p.add_argument("names", nargs="*", help="images to check (default: every image with a local file)")
    p.add_argument("--file", type=Path, default=None,
                   help="check this copy instead of the image's own file (one image name)")
    p.set_defaults(func=cmd_verify)

    p = actions.add_parser("identify", help="ask running targets what they run; compare with the rig")
    add_rig_options(p)
    p.add_argument("--allow-firmware-mismatch", action="store_true",
                   help="report a mismatch but exit 0")
    p.set_defaults(func=cmd_identify)

    p = actions.add_parser("flash", help="flash an image onto a real board (Pyboard: dfu-util or mpflash, "
                                         "as the image's `flash` says)")
    p.add_argument("name", help="manifest image to flash")
    p.add_argument("--file", type=Path, default=None,
                   help="the .dfu to write (default: the image's file; flash: dfu only)")
    p.add_argument("--port", default="auto", help="the board's serial port (default: USB f055:9800)")
    p.add_argument("--dfu-util", default="dfu-util", help="the dfu-util binary")
    p.add_argument("--mpflash", default="mpflash", help="the mpflash executable (optional extra `mpflash`)")
    p.add_argument("--bootloader-timeout", type=float, default=10.0,
                   help="seconds to wait for the DFU device after machine.bootloader()")
    p.add_argument("--board-timeout", type=float, default=30.0,
                   help="seconds to wait for the board's port after the download")
    p.set_defaults(func=cmd_flash)

    p = actions.add_parser("build", help="build mpy-cross and firmware images from MicroPython source")
    p.add_argument("--board", action="append", default=None,
                   help="build this board (repeatable; default: the images marked default: "
                        "MPS2_AN385, MICROBIT); e.g. PYBV11 for a real Pyboard")
    p.add_argument("--source", default=None,
                   help="a MicroPython checkout or source tarball (default: $MICROPY_SRC, else the "
                        "vendored tarball)")
    p.add_argument("--force", action="store_true", help="rebuild even when the source is unchanged")
    p.add_argument("-j", "--jobs", type=int, default=2, help="make -j (default 2)")
    p.add_argument("--if-available", action="store_true",
                   help="with no MicroPython source at all, say so in one line and exit 0")
    p.set_defaults(func=cmd_build)


def _manifest(args: argparse.Namespace) -> tuple[Path, Manifest]:
    root = find_root()
    path = Path(args.manifest).resolve() if args.manifest else None
    return root, load_manifest(root, path)


def _console() -> Console:
    return Console(width=max(Console().width, 120))


def _short(digest: str | None) -> str:
    return f"{digest[:12]}..." if digest else "-"


def cmd_list(args: argparse.Namespace) -> int:
    root, manifest = _manifest(args)
    shown = manifest.path.relative_to(root) if manifest.path.is_relative_to(root) else manifest.path
    table = Table(title=f"firmware images ({shown})")
    for column in ("name", "board", "micropython", "format", "flash", "source", "sha256", "here"):
        table.add_column(column, no_wrap=column in ("name", "micropython", "sha256"))
    for image in manifest.images.values():
        here = "yes" if image.available else ("not built" if image.source_kind == "build" else "no")
        source = image.origin() + (f", commit {image.commit}" if image.commit else "")
        table.add_row(image.name, image.board, image.micropython, image.format, image.flash, source,
                      _short(image.sha256), here)
    _console().print(table)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    _root, manifest = _manifest(args)
    if args.file is not None:
        if len(args.names) != 1:
            raise HarnessError("--file checks one copy: name exactly one image")
        checks = [verify(manifest.get(args.names[0]), args.file.resolve())]
    elif args.names:
        checks = [verify(manifest.get(name)) for name in args.names]
    else:  # everything that should be here: skip images not built and downloads not fetched
        checks = [verify(i) for i in manifest.images.values()
                  if i.available or i.source_kind in ("path", "package")]
    failed = 0
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.image.name}: {check.message()}")
        failed += not check.ok
    return 1 if failed else 0


def cmd_identify(args: argparse.Namespace) -> int:
    from harness.firmware.identify import identify_targets
    from harness.rig import load_rig

    root = find_root()
    rig = load_rig(args.rig, root)
    rows = identify_targets(root, rig, target_list(args.targets))
    table = Table(title=f"what the targets of {rig.name} run")
    for column in ("target", "implementation", "machine", "image", "expected", "status"):
        table.add_column(column)
    mismatches = 0
    for row in rows:
        identity = row.identity
        image = identity.get("firmware_name") or _short(identity.get("firmware_sha256"))
        status = row.status
        mismatches += status == "MISMATCH"
        table.add_row(row.target, identity.get("implementation", "") or "-",
                      identity.get("machine", "") or "-", image or "-", row.expected or "-",
                      status + (f": {row.detail}" if row.detail else ""))
    _console().print(table)
    if mismatches and not args.allow_firmware_mismatch:
        return 1
    return 0


def cmd_flash(args: argparse.Namespace) -> int:
    from harness.firmware.dfu import PyboardFlasher, Timeouts

    root, manifest = _manifest(args)
    image: Image = manifest.get(args.name)
    timeouts = Timeouts(bootloader_s=args.bootloader_timeout, board_s=args.board_timeout)
    flasher: PyboardFlasher
    if image.flash == "mpflash":
        from harness.firmware.mpflash import MPFLASH_DIR, MpflashFlasher

        if args.file is not None:
            raise HarnessError(f"--file is for images with flash: dfu; mpflash flashes the release it "
                               f"fetches for {image.board} {image.micropython}", where=image.where or None)
        flasher = MpflashFlasher(image, port=args.port, timeouts=timeouts, folder=root / MPFLASH_DIR,
                                 mpflash=args.mpflash)
    else:
        file = (args.file or image.path)
        if file is None:
            raise HarnessError(f"image {args.name!r} has no file here: build it "
                               f"(`harness firmware build --board {image.build_board}`) or give --file")
        flasher = PyboardFlasher(image, Path(file).resolve(), port=args.port, dfu_util=args.dfu_util,
                                 timeouts=timeouts)
    identity = flasher.run()
    print(f"flashed {image.name}: the board reports {identity.get('implementation')} "
          f"({identity.get('machine')})")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from harness.firmware.build import build_firmware

    root, manifest = _manifest(args)
    report = build_firmware(root, manifest, boards=args.board, source=args.source, force=args.force,
                            jobs=args.jobs)
    if report.source is None:
        message = f"{report.missing_source}; targets needing these images are skipped"
        if args.if_available:
            print(f"firmware: {message}")
            return 0
        raise HarnessError(message)
    return 0
