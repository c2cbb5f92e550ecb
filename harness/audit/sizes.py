"""Code and data size of a firmware image, where the image tells."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

FLASH_END = 0x10000000  # above: the nRF51's UICR and other configuration, not program flash


def hex_size(path: Path) -> dict[str, Any]:
    """Bytes an Intel HEX image programs into flash (records below FLASH_END)."""
    base, total = 0, 0
    for line in path.read_text(encoding="ascii", errors="replace").split():
        if not line.startswith(":") or len(line) < 11:
            continue
        count, address, kind = int(line[1:3], 16), int(line[3:7], 16), int(line[7:9], 16)
        if kind == 4:
            base = int(line[9:13], 16) << 16
        elif kind == 2:
            base = int(line[9:13], 16) << 4
        elif kind == 0 and base + address < FLASH_END:
            total += count
    return {"flash_bytes": total, "source": "data records of the Intel HEX image"}


def elf_size(path: Path) -> dict[str, Any] | None:
    """text, data and bss of an ELF image (arm-none-eabi-size); flash holds text and data."""
    tool = shutil.which("arm-none-eabi-size") or shutil.which("size")
    if tool is None:
        return None
    proc = subprocess.run([tool, "-B", str(path)], capture_output=True, text=True)
    lines = proc.stdout.split("\n")
    if proc.returncode != 0 or len(lines) < 2:
        return None
    fields = lines[1].split()
    try:
        text, data, bss = (int(f) for f in fields[:3])
    except ValueError:
        return None
    return {"text": text, "data": data, "bss": bss, "flash_bytes": text + data,
            "ram_static_bytes": data + bss,
            "source": Path(tool).name}


def image_size(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.is_file():
        return None
    if path.suffix.lower() == ".hex":
        return hex_size(path)
    if path.suffix.lower() == ".elf":
        return elf_size(path)
    return None
