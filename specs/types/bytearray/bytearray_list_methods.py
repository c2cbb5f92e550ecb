# feature: types.bytearray.mutation
# The mutable-sequence methods insert/pop/remove/reverse/copy/clear.
ba = bytearray(b"bcd")
ba.insert(0, 97)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(99)
ba.reverse()
c = ba.copy()
ba.clear()
print(ba, c)
