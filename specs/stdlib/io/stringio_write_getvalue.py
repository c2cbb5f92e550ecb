# feature: stdlib.io.stringio
# requires: io
# write() returns the number of characters written; getvalue() returns everything
import io

s = io.StringIO()
print(s.write("abc"), s.write(""), s.write("de\n"))
print(repr(s.getvalue()), s.tell())
print(s.read() == "")
print(io.StringIO("init").getvalue())
