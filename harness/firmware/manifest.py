"""The firmware manifest: images by name, merged with the images built on this machine.

``firmware/manifest.yaml`` is committed and says what each image is and where it comes
from. Built images change with every build, so their path, hash, exact version and
source commit live in a generated overlay (``.harness-cache/firmware/built.yaml``),
merged in when the manifest is loaded.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.schema import validate
from harness.yamlfile import load_yaml

MANIFEST = Path("firmware") / "manifest.yaml"
CACHE = Path(".harness-cache") / "firmware"
OVERLAY = CACHE / "built.yaml"
_SHA256 = re.compile(r"sha256:([0-9a-f]{64})")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_in(text: str) -> str | None:
    """The hash in an identity's firmware text (``firmware.elf sha256:<hex>``), if any."""
    match = _SHA256.search(text or "")
    return match.group(1) if match else None


@dataclass(frozen=True)
class Image:
    """One firmware image of the manifest (with what this machine built of it)."""

    name: str
    board: str
    micropython: str
    format: str
    flash: str
    source_kind: str  # path, package, url, build
    source: dict[str, Any]
    sha256: str | None = None
    path: Path | None = None  # the local file, where there is one
    identify: dict[str, str] = field(default_factory=dict)
    description: str = ""
    commit: str = ""  # source commit, for built images
    built: dict[str, Any] | None = None  # the overlay's record, once built here
    where: str = ""  # file:line of the entry, for messages

    @property
    def build_board(self) -> str | None:
        return self.source["build"]["board"] if self.source_kind == "build" else None

    @property
    def available(self) -> bool:
        return self.path is not None and self.path.is_file()

    def origin(self) -> str:
        """Where the image comes from, in words."""
        if self.source_kind == "package":
            return f"Debian package {self.source['package']['name']}"
        if self.source_kind == "url":
            return f"download {self.source['url']['url']}"
        if self.source_kind == "build":
            build = self.source["build"]
            return f"built from source (ports/{build['port']} BOARD={build['board']})"
        return "file"

    def label(self) -> str:
        return f"{self.name!r} ({self.where})" if self.where else repr(self.name)


@dataclass(frozen=True)
class Release:
    """The pinned MicroPython release to build when the user names no source."""

    git: str  # repository URL
    ref: str  # release tag


@dataclass(frozen=True)
class Manifest:
    path: Path
    images: dict[str, Image]
    overlay: dict[str, dict[str, Any]] = field(default_factory=dict)
    release: Release | None = None

    def get(self, name: str) -> Image:
        try:
            return self.images[name]
        except KeyError:
            raise HarnessError(f"no firmware image {name!r} (known: {', '.join(self.images)})",
                               where=self.path)

    def by_sha256(self, digest: str | None) -> Image | None:
        if not digest:
            return None
        return next((i for i in self.images.values() if i.sha256 == digest), None)

    def by_build_board(self, board: str) -> Image | None:
        return next((i for i in self.images.values() if i.build_board == board), None)


def _resolve(root: Path, text: str) -> Path:
    path = Path(text).expanduser()
    return path if path.is_absolute() else root / path


def _image(entry: dict[str, Any], root: Path, where: str) -> Image:
    (kind, source), = entry["source"].items()
    if kind == "path":
        path: Path | None = _resolve(root, source)
    elif kind in ("package", "url"):
        path = _resolve(root, source["path"])
    else:
        path = None  # known once built
    return Image(
        name=entry["name"],
        board=entry["board"],
        micropython=str(entry["micropython"]),
        format=entry["format"],
        flash=entry["flash"],
        source_kind=kind,
        source=entry["source"],
        sha256=entry.get("sha256"),
        path=path,
        identify=dict(entry.get("identify", {})),
        description=entry.get("description", ""),
        where=where,
    )


def _check_mpflash(entry: dict[str, Any], path: Path, line: int | None) -> None:
    """mpflash flashes micropython.org releases by board and version, never a given file
    (it has no option for one), so an image it flashes must be such a release."""
    name = entry["name"]
    if "build" in entry["source"]:
        raise HarnessError(f"image {name!r}: flash: mpflash cannot flash a locally built image "
                           "(mpflash takes a board and a release, not a file): use flash: dfu",
                           where=path, line=line)
    if "preview" in str(entry["micropython"]):
        raise HarnessError(f"image {name!r}: flash: mpflash needs a release version, not "
                           f"{entry['micropython']!r} (a preview moves with every nightly build, "
                           "so its sha256 cannot be pinned)", where=path, line=line)


def load_overlay(root: Path) -> dict[str, dict[str, Any]]:
    """The images built on this machine, by build board (empty before the first build)."""
    path = root / OVERLAY
    if not path.exists():
        return {}
    data, lines = load_yaml(path)
    validate(data, "firmware-built", path, lines)
    return dict(data["builds"])


def load_manifest(root: Path, path: Path | None = None) -> Manifest:
    """Load and validate the manifest (default ``<root>/firmware/manifest.yaml``) with the
    overlay of built images merged in."""
    path = path or root / MANIFEST
    data, lines = load_yaml(path)
    validate(data, "firmware", path, lines)
    images: dict[str, Image] = {}
    for index, entry in enumerate(data["images"]):
        line = lines.get(("images", index))
        if entry["name"] in images:
            raise HarnessError(f"images.{index}.name: {entry['name']!r} defined twice",
                               where=path, line=lines.get(("images", index, "name"), line))
        if entry["flash"] == "mpflash":
            _check_mpflash(entry, path, lines.get(("images", index, "flash"), line))
        images[entry["name"]] = _image(entry, root, f"{path}:{line}")
    overlay = load_overlay(root)
    for name, image in images.items():
        record = overlay.get(image.build_board or "")
        if record:
            images[name] = replace(
                image,
                path=_resolve(root, record["path"]),
                sha256=record["sha256"],
                micropython=record["micropython"],
                commit=record["commit"],
                built=record,
            )
    release = data.get("release")
    return Manifest(path, images, overlay,
                    Release(release["git"], release["ref"]) if release else None)


@dataclass(frozen=True)
class Verification:
    image: Image
    file: Path | None
    status: str  # OK, MISMATCH, MISSING, NOT-BUILT
    actual: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "OK"

    def message(self) -> str:
        if self.status == "OK":
            return f"{self.file}: OK (sha256 {self.actual})"
        if self.status == "NOT-BUILT":
            return f"{self.image.name}: not built here (run `harness firmware build`)"
        if self.status == "MISSING":
            how = {"package": f"install {self.image.origin()}",
                   "url": f"{self.image.origin()} to {self.file}"}.get(self.image.source_kind, "")
            return f"{self.file}: missing" + (f" ({how})" if how else "")
        return (f"{self.file}: sha256 {self.actual} does not match the manifest's "
                f"{self.image.sha256} for {self.image.label()}: a corrupted or different image")


def verify(image: Image, file: Path | None = None) -> Verification:
    """Check a file (default: the image's own) against the manifest's hash."""
    target = file or image.path
    if target is None:
        return Verification(image, None, "NOT-BUILT")
    if not target.is_file():
        return Verification(image, target, "MISSING")
    if image.sha256 is None:
        return Verification(image, target, "NOT-BUILT")
    actual = file_sha256(target)
    return Verification(image, target, "OK" if actual == image.sha256 else "MISMATCH", actual)
