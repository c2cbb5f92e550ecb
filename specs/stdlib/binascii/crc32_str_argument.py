# feature: stdlib.binascii.crc32
# requires: binascii
# A str argument is rejected with TypeError
import binascii

try:
    print(binascii.crc32("abc"))
except TypeError:
    print("TypeError")
