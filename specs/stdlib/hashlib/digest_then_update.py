# feature: stdlib.hashlib.digests
# requires: hashlib
# On CPython digest() does not finalize: it can be called again and update() continues
import hashlib

h = hashlib.sha256(b"ab")
first = h.digest()
try:
    print(h.digest() == first)
except ValueError:
    print("second digest ValueError")
try:
    h.update(b"c")
    print(h.digest() == hashlib.sha256(b"abc").digest())
except ValueError:
    print("update after digest ValueError")
