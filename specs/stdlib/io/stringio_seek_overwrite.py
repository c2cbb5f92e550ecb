# feature: stdlib.io.stringio
# requires: io
# Writing after seek overwrites in place and may extend the text
import io

s = io.StringIO("hello")
s.write("J")
print(s.getvalue())
print(s.seek(3), s.write("LOWORLD"), s.getvalue())
print(s.seek(0), s.read(2), s.tell())
print(s.seek(0, 2), s.tell())
