# feature: stdlib.binascii.hex
# requires: binascii
# hexlify's optional separator goes between bytes
import binascii

print(binascii.hexlify(b"\x01\x02\x03", ":"))
print(binascii.hexlify(b"\xde\xad", b"-"))
print(binascii.hexlify(b"\x01", " "))
