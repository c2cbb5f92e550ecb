# feature: stdlib.binascii.hex
# requires: binascii
# CPython's hexlify wants a bytes-like object and offers b2a_hex/a2b_hex aliases
import binascii

try:
    print(binascii.hexlify("text"))
except TypeError:
    print("TypeError")
print(hasattr(binascii, "b2a_hex"), hasattr(binascii, "a2b_hex"))
