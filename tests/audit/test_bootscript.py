"""The micro:bit boot script in an Intel HEX image, and the boot output split."""

from __future__ import annotations

import struct

import pytest

from harness.audit.bootscript import SCRIPT_LIMIT, embed_script, script_records, split_output
from harness.audit.sizes import hex_size
from harness.errors import HarnessError

IMAGE = ":020000040000FA\n:10000000000102030405060708090A0B0C0D0E0F78\n:00000001FF\n"


def decode(records: list[str]) -> dict[int, int]:
    """address -> byte, checking every record's checksum."""
    memory, base = {}, 0
    for record in records:
        raw = bytes.fromhex(record[1:])
        assert sum(raw) & 0xFF == 0, record
        count, address, kind = raw[0], int.from_bytes(raw[1:3], "big"), raw[3]
        if kind == 4:
            base = int.from_bytes(raw[4:6], "big") << 16
        elif kind == 0:
            for offset, byte in enumerate(raw[4:4 + count]):
                memory[base + address + offset] = byte
    return memory


def test_script_lands_where_the_firmware_reads_it():
    script = b"print('hello')\n" * 3
    memory = decode(script_records(script))
    data = bytes(memory[a] for a in sorted(memory))
    assert min(memory) == 0x3E000
    assert data[:2] == b"MP" and struct.unpack("<H", data[2:4])[0] == len(script)
    assert data[4:4 + len(script)] == script


def test_embedding_goes_before_the_end_record_and_keeps_the_image():
    embedded = embed_script(IMAGE, b"x=1\n")
    lines = embedded.split()
    assert lines[-1] == ":00000001FF" and lines[:2] == IMAGE.split()[:2]
    assert decode(lines)[0x3E004] == ord("x")
    assert hex_size_of(embedded) == 16 + 8  # the image's 16 bytes and the script record


def hex_size_of(text: str) -> int:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.hex"
        path.write_text(text)
        return hex_size(path)["flash_bytes"]


def test_too_big_a_script_is_refused():
    with pytest.raises(HarnessError, match="at most"):
        script_records(b"#" * (SCRIPT_LIMIT + 1))
    with pytest.raises(HarnessError, match="not an Intel HEX"):
        embed_script("garbage", b"x")


def test_split_output():
    assert split_output("a\nb\n") == ("a\nb\n", "")
    out, err = split_output("a\nTraceback (most recent call last):\n"
                            "  File \"__main__\", line 2\nValueError: x\n")
    assert out == "a\n" and err.startswith("Traceback") and err.endswith("ValueError: x\n")
    assert split_output("a\nMemoryError: \n") == ("a\n", "MemoryError: \n")
