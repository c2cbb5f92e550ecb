# feature: stdlib.binascii.hex
# requires: binascii
# unhexlify accepts upper and lower case, and str or bytes input
import binascii

print(binascii.unhexlify(b"00ff7f41"))
print(binascii.unhexlify("DEADbeef"))
print(binascii.unhexlify(""))
data = bytes(range(0, 256, 17))
print(binascii.unhexlify(binascii.hexlify(data)) == data)
