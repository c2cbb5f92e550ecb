# feature: types.memoryview.basic
# cast() reinterprets the buffer; format, itemsize, nbytes and readonly
# describe the view, and tolist() unpacks it.
m = memoryview(bytearray(b"\x01\x00\x02\x00"))
print(m.format, m.itemsize, m.nbytes, m.readonly)
h = m.cast("H")
print(len(h), h.format, h.itemsize)
print(memoryview(b"ab").tolist(), memoryview(b"ab").readonly)
