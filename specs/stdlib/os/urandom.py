# feature: stdlib.os.filesystem
# requires: os
# urandom(n) returns n random bytes
import os

r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(os.urandom(16) != r)
