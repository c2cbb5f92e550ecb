# feature: stdlib.io.bytesio
# requires: io
# seek with whence 0 (start), 1 (current) and 2 (end); writing past the end pads with zeros
import io

b = io.BytesIO(b"abcdef")
print(b.seek(2), b.read(1))
print(b.seek(1, 1), b.read(1))
print(b.seek(-2, 2), b.read())
print(b.seek(8), b.write(b"!"), b.getvalue())
