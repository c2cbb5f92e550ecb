# feature: stdlib.io.stringio
# requires: io
# StringIO accepts only str: writing bytes or passing an int is a TypeError
import io

s = io.StringIO()
try:
    s.write(b"raw")
    print("bytes written", repr(s.getvalue()))
except TypeError:
    print("write bytes TypeError")
try:
    io.StringIO(16)
    print("int accepted")
except TypeError:
    print("StringIO(int) TypeError")
