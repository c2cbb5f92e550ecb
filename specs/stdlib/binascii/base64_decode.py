# feature: stdlib.binascii.base64
# requires: binascii
# a2b_base64 decodes bytes or ASCII str, skipping whitespace
import binascii

print(binascii.a2b_base64(b"aGVsbG8="))
print(binascii.a2b_base64("aGk="))
print(binascii.a2b_base64(b"aG k=\n"))
print(binascii.a2b_base64(b""))
print(binascii.a2b_base64(b"+/8="))
