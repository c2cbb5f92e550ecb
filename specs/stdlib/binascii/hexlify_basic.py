# feature: stdlib.binascii.hex
# requires: binascii
# hexlify gives two lowercase hex digits per byte, as bytes
import binascii

print(binascii.hexlify(b"\x00\x0f\xf0\xff"))
print(binascii.hexlify(b"AZaz09"))
print(binascii.hexlify(b""), binascii.hexlify(bytearray(b"\x7f")))
print(type(binascii.hexlify(b"x")).__name__)
