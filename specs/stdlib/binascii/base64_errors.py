# feature: stdlib.binascii.base64
# requires: binascii
# Truncated input raises binascii.Error, a ValueError
import binascii

for text in (b"a", b"aGk", b"aGVsbG8"):
    try:
        print(text, binascii.a2b_base64(text))
    except ValueError:
        print(text, "ValueError")
