"""A rig target's expected firmware against what the running target says it runs.

A rig target names its image with ``firmware: <manifest name>``. Before the target
starts, the name becomes what the kind needs (the emulators boot the image's file; a
board checks the version text). Once it runs, its identity (``sys.implementation``,
``os.uname()``, and for an emulator the hash of the image it booted) is compared with
the manifest entry: a mismatch refuses the run unless it is explicitly allowed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.firmware.manifest import MANIFEST, Image, Manifest, load_manifest, sha256_in
from harness.targets.base import TargetConfig

log = logging.getLogger("harness.firmware")

# Kinds that boot the image file themselves (the option becomes the file's path).
EMULATED = frozenset({"qemu-microbit", "qemu-mps2"})
ALLOW_HINT = "--allow-firmware-mismatch runs it anyway"


class FirmwareRefusal(HarnessError):
    """The run cannot go on: the firmware check itself failed (a broken manifest)."""


class FirmwareMismatch(FirmwareRefusal):
    """The target runs something else than the rig expects: the run is refused."""


class FirmwareUnavailable(HarnessError):
    """The expected image is not on this machine (not built, package not installed)."""


_NUMBERS = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")
_TUPLE = re.compile(r"version=\((\d+),\s*(\d+),\s*(\d+)(?:,\s*'([^']*)')?")
_LABEL = re.compile(r"^[A-Za-z]+$")


def version_key(text: str) -> tuple[tuple[int, int, int], str] | None:
    """``1.29.0-preview.12.gabc`` / ``v1.9.2-34-gd64`` / a sys.implementation text ->
    ((major, minor, micro), pre-release label). None when it names no version."""
    match = _TUPLE.search(text)
    if match:
        return (int(match.group(1)), int(match.group(2)), int(match.group(3))), match.group(4) or ""
    match = _NUMBERS.search(text)
    if not match:
        return None
    numbers = (int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    # The label is glued to the numbers ("-preview.12.gabc"); text after a space
    # ("on 2017-09-01") is not part of the version.
    suffix = re.split(r"[\s;,)]", text[match.end():], maxsplit=1)[0]
    label = next((part for part in re.split(r"[-.+]", suffix) if _LABEL.match(part)), "")
    return numbers, label


def format_key(key: tuple[tuple[int, int, int], str]) -> str:
    numbers, label = key
    return ".".join(map(str, numbers)) + (f"-{label}" if label else "")


def reported_version(identity: dict[str, Any]) -> str:
    extra = identity.get("extra", {})
    for text in (extra.get("sys.implementation", ""), identity.get("implementation", "")):
        key = version_key(text) if text else None
        if key:
            return format_key(key)
    return ""


def _reported_fields(identity: dict[str, Any]) -> tuple[str, str]:
    """(machine texts, build name) the target reported."""
    extra = identity.get("extra", {})
    impl = extra.get("sys.implementation", "")
    uname = extra.get("os.uname", {}) or {}
    machine = " | ".join(filter(None, [
        uname.get("machine", "") if isinstance(uname, dict) else "",
        _field(impl, "_machine"), identity.get("machine", ""),
    ]))
    return machine, _field(impl, "_build")


def _field(text: str, name: str) -> str:
    match = re.search(rf"{name}='([^']*)'", text or "")
    return match.group(1) if match else ""


def compare(image: Image, identity: dict[str, Any]) -> list[str]:
    """What differs between the image and the running target (empty: it matches)."""
    problems: list[str] = []
    digest = sha256_in(identity.get("firmware", ""))
    if digest and image.sha256 and digest != image.sha256:
        problems.append(f"it booted an image with sha256 {digest[:16]}..., the manifest "
                        f"records {image.sha256[:16]}...")
    reported = reported_version(identity)
    expected = version_key(image.micropython)
    if not reported:
        problems.append("it reports no MicroPython version")
    elif expected and version_key(reported) != expected:
        problems.append(f"it reports MicroPython {reported}, the image is {format_key(expected)}")
    machine, build = _reported_fields(identity)
    want_machine = image.identify.get("machine")
    if want_machine and want_machine not in machine:
        problems.append(f"it reports machine {machine or 'nothing'!r}, the image is for {want_machine!r}")
    want_build = image.identify.get("build")
    if want_build and build != want_build:
        problems.append(f"it reports build {build or 'nothing'!r}, the image is {want_build!r}")
    return problems


@dataclass
class FirmwareCheck:
    """Used by the session when a target starts, and by ``harness firmware identify``."""

    root: Path
    allow_mismatch: bool = False
    where: str = ""  # the rig file, for messages
    _manifest: Manifest | None = None
    _loaded: bool = False

    def manifest(self) -> Manifest | None:
        """The project's manifest, or None when the project has none."""
        if not self._loaded:
            self._loaded = True
            if (self.root / MANIFEST).exists():
                try:
                    self._manifest = load_manifest(self.root)
                except FirmwareRefusal:
                    raise
                except HarnessError as err:
                    raise FirmwareRefusal(str(err))
        return self._manifest

    def expected(self, config: TargetConfig) -> Image | None:
        value = config.options.get("firmware")
        manifest = self.manifest()
        if not value or manifest is None or str(value) not in manifest.images:
            return None  # a path (or text, for a board): nothing to compare with
        return manifest.images[str(value)]

    def unavailable(self, config: TargetConfig) -> str | None:
        """Why the target's expected image cannot be booted here, if it cannot."""
        image = self.expected(config)
        if image is None or config.kind not in EMULATED or image.available:
            return None
        if image.source_kind == "build":
            return f"firmware {image.name!r} is not built (run `harness firmware build`)"
        if image.source_kind == "package":
            return f"firmware {image.name!r} is missing: install {image.origin()}"
        return f"firmware {image.name!r} is missing at {image.path}"

    def resolve(self, config: TargetConfig) -> tuple[TargetConfig, Image | None]:
        """The config the target kind understands, and the image it must run."""
        image = self.expected(config)
        if image is None:
            return config, None
        options = dict(config.options)
        if config.kind in EMULATED:
            reason = self.unavailable(config)
            if reason:
                raise FirmwareUnavailable(f"target {config.name!r}: {reason}", where=self.where or None)
            options["firmware"] = str(image.path)
        elif config.kind == "board":
            options["firmware"] = format_key(version_key(image.micropython) or ((0, 0, 0), ""))
            if image.sha256:
                options.setdefault("firmware_sha256", image.sha256)
        return replace(config, options=options), image

    def check(self, name: str, identity: dict[str, Any], image: Image | None) -> dict[str, Any]:
        """The identity with the firmware's name and hash added; FirmwareMismatch when it is
        not the expected image (unless mismatches are allowed)."""
        identity = dict(identity)
        digest = sha256_in(identity.get("firmware", ""))
        manifest = self.manifest() if digest or image else None
        named = manifest.by_sha256(digest) if manifest and digest else None
        if digest:
            identity["firmware_sha256"] = digest
        if named is not None:
            identity["firmware_name"] = named.name
        if image is None:
            return identity
        identity["firmware_expected"] = image.name
        problems = compare(image, identity)
        if not problems:
            identity["firmware_name"] = image.name
        else:
            message = (f"target {name!r} does not run the expected firmware {image.name!r}: "
                       f"{'; '.join(problems)} ({ALLOW_HINT})")
            if not self.allow_mismatch:
                raise FirmwareMismatch(message, where=self.where or None)
            log.warning("%s", message)
            identity["firmware_mismatch"] = "; ".join(problems)
        return identity


def skip_unavailable(root: Path, rig: Any, names: list[str], explicit: bool) -> dict[str, str]:
    """Targets whose expected image is not on this machine, with why. The run goes on
    without them; a target asked for by name is an error instead."""
    check = FirmwareCheck(root, where=str(rig.path))
    missing = {n: reason for n in names if (reason := check.unavailable(rig.targets[n].config))}
    if missing and explicit:
        name, reason = next(iter(missing.items()))
        raise FirmwareUnavailable(f"target {name!r}: {reason}", where=rig.path)
    return missing


def skip_line(skipped: dict[str, str]) -> str:
    """One line for a run that goes on without some targets."""
    reasons = sorted(set(skipped.values()))
    return f"harness: running without {', '.join(skipped)}: {'; '.join(reasons)}"
