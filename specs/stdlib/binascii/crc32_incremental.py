# feature: stdlib.binascii.crc32
# requires: binascii
# Passing the previous crc as the second argument continues the checksum
import binascii

whole = binascii.crc32(b"hello world")
part = binascii.crc32(b"hello ")
print(binascii.crc32(b"world", part) == whole)
crc = 0
for byte in b"123456789":
    crc = binascii.crc32(bytes([byte]), crc)
print(hex(crc))
