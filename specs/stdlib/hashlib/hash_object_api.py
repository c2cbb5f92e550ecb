# feature: stdlib.hashlib.digests
# requires: hashlib
# hexdigest, copy, name, digest_size and hashlib.new on hash objects
import hashlib

h = hashlib.sha256(b"abc")
print([n for n in ("hexdigest", "copy", "name", "digest_size", "block_size") if hasattr(h, n)])
print(hasattr(hashlib, "new"))
