# feature: types.int.methods
# int.from_bytes(data, byteorder) decodes unsigned big- or little-endian bytes.
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff" * 9, "big") == 2**72 - 1)
print(int.from_bytes(bytearray(b"\x00\x10"), "big"))
n = 123456789
print(int.from_bytes(n.to_bytes(4, "little"), "little") == n)
