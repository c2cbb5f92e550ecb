# feature: stdlib.binascii.crc32
# requires: binascii
# crc32 of known inputs, including the standard check value of '123456789'
import binascii

print(hex(binascii.crc32(b"123456789")))
print(binascii.crc32(b""))
print(binascii.crc32(b"hello"), binascii.crc32(b"\x00"))
print(binascii.crc32(b"\xff" * 4) >= 0)
