# feature: stdlib.io.stringio
# requires: io
# read(n), read(), readline() and iteration over lines
import io

s = io.StringIO("alpha\nbeta\n\ngamma")
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()))
print(repr(s.read()), repr(s.read()), repr(s.readline()))
print(list(io.StringIO("x\ny\nz")))
t = io.StringIO("one\n\nthree")
print([t.readline() for _ in range(4)])
