# feature: stdlib.io.bytesio
# requires: io
# Writing str to BytesIO and seeking before the start are errors
import io

b = io.BytesIO()
try:
    print(b.write("text"), b.getvalue())
except TypeError:
    print("TypeError")
try:
    b.seek(-1)
    print("seek ok")
except (ValueError, OSError) as e:
    print(type(e).__name__)
