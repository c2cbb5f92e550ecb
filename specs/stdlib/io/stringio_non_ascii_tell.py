# feature: stdlib.io.stringio
# requires: io
# With non-ASCII text, read(n) counts characters; tell() is an opaque position
import io

s = io.StringIO("h\u00e9llo")
print(s.read(2) == "h\u00e9")
pos = s.tell()
print(pos)
s.seek(pos)
print(s.read())
