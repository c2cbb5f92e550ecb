# feature: stdlib.binascii.base64
# requires: binascii
# Encoding then decoding returns the original for every byte value
import binascii

data = bytes(range(256))
enc = binascii.b2a_base64(data)
print(len(enc), enc[:12], enc[-6:])
print(binascii.a2b_base64(enc) == data)
print(all(binascii.a2b_base64(binascii.b2a_base64(data[:n])) == data[:n] for n in range(8)))
