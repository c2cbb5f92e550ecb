# feature: stdlib.io.bytesio
# requires: io
# readinto fills a bytearray and returns the count, which is short at the end
import io

b = io.BytesIO(b"abcde")
buf = bytearray(3)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
