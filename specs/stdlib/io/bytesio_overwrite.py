# feature: stdlib.io.bytesio
# requires: io
# Writing in the middle overwrites; closed BytesIO raises ValueError
import io

b = io.BytesIO(b"12345")
b.seek(1)
b.write(b"ab")
print(b.getvalue(), b.tell(), b.read())
b.close()
try:
    b.write(b"x")
except ValueError:
    print("ValueError")
