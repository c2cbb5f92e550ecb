# feature: stdlib.io.bytesio
# requires: io
# BytesIO writes and reads bytes; getvalue() returns bytes
import io

b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"f")))
print(b.getvalue(), type(b.getvalue()).__name__, b.tell())
r = io.BytesIO(b"0123456789")
print(r.read(3), r.read(0), r.read(), r.read())
