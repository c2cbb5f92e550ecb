# feature: stdlib.binascii.crc32
# requires: binascii
# crc32 accepts any bytes-like object
import binascii

ref = binascii.crc32(b"abc")
print(binascii.crc32(bytearray(b"abc")) == ref)
print(binascii.crc32(memoryview(b"xabcx")[1:4]) == ref)
print(type(ref).__name__)
