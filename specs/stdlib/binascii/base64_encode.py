# feature: stdlib.binascii.base64
# requires: binascii
# b2a_base64 pads to a multiple of 4 and appends a newline
import binascii

for data in (b"", b"a", b"ab", b"abc", b"abcd", b"\xff\xfe\xfd"):
    print(data, binascii.b2a_base64(data))
