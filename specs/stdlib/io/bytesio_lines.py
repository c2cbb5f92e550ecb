# feature: stdlib.io.bytesio
# requires: io
# readline and line iteration on bytes
import io

b = io.BytesIO(b"first\nsecond\nlast")
print(b.readline(), b.readline(), b.readline(), b.readline())
print(list(io.BytesIO(b"a\n\nb\n")))
