# feature: stdlib.hashlib.digests
# requires: hashlib
# Feeding data in pieces with update() equals hashing it all at once
import hashlib

whole = hashlib.sha256(b"incremental hashing").digest()
h = hashlib.sha256()
for piece in (b"incre", b"", b"mental ", b"hashing"):
    h.update(piece)
print(h.digest() == whole)
h1 = hashlib.sha1(b"ab")
h1.update(b"c")
print(h1.digest() == hashlib.sha1(b"abc").digest())
