# feature: stdlib.binascii.hex
# requires: binascii
# Odd-length or non-hex input raises binascii.Error, a ValueError
import binascii

for text in ("abc", "zz", "0g", "1"):
    try:
        print(text, binascii.unhexlify(text))
    except ValueError:
        print(text, "ValueError")
