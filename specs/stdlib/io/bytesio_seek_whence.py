# feature: stdlib.io.bytesio
# requires: io
# seek with whence 0, 1 and 2; writes overwrite in place or pad with zeros past the end
import io

b = io.BytesIO(b"abcdef")
print(b.seek(2), b.read(1))
print(b.seek(1, 1), b.read(1))
print(b.seek(-2, 2), b.read())
print(b.seek(1), b.write(b"XY"), b.getvalue(), b.tell())
print(b.seek(8), b.write(b"!"), b.getvalue())
