# feature: stdlib.hashlib.digests
# requires: hashlib, binascii
# SHA-256 of the standard test vectors
import binascii
import hashlib

for data in (b"", b"abc", b"a" * 1000):
    print(len(data), binascii.hexlify(hashlib.sha256(data).digest()))
