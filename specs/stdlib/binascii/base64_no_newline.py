# feature: stdlib.binascii.base64
# requires: binascii
# newline=False leaves off the trailing newline
import binascii

print(binascii.b2a_base64(b"hello", newline=False))
print(binascii.b2a_base64(b"", newline=False))
print(binascii.b2a_base64(b"hi", newline=True))
