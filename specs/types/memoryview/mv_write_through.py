# feature: types.memoryview.basic
# Writes through a memoryview of a bytearray change the underlying buffer,
# and changes to the buffer show through the view.
ba = bytearray(b"abcdef")
m = memoryview(ba)
m[0] = 65
m[1:3] = b"XY"
print(ba)
ba[5] = 33
print(bytes(m), m[5])
sub = m[2:]
sub[0] = 48
print(ba, len(sub), bytes(sub[1:2]))
