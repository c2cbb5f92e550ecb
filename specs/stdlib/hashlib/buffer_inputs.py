# feature: stdlib.hashlib.digests
# requires: hashlib
# Constructors and update() take any bytes-like object
import hashlib

ref = hashlib.sha256(b"abc").digest()
print(hashlib.sha256(bytearray(b"abc")).digest() == ref)
print(hashlib.sha256(memoryview(b"xabc")[1:]).digest() == ref)
h = hashlib.sha256()
h.update(bytearray(b"a"))
h.update(memoryview(b"bc"))
print(h.digest() == ref, type(ref).__name__, len(ref))
