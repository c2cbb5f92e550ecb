# feature: stdlib.hashlib.digests
# requires: hashlib, binascii
# SHA-1 of the standard test vectors; 20-byte digests
import binascii
import hashlib

for data in (b"", b"abc", b"The quick brown fox jumps over the lazy dog"):
    d = hashlib.sha1(data).digest()
    print(len(d), binascii.hexlify(d))
