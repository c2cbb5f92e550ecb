# feature: types.int.methods
# Since Python 3.11 length defaults to 1 and byteorder to "big".
print((255).to_bytes(2), (7).to_bytes(), int.from_bytes(b"\x01\x02"))
print((65).to_bytes(length=2, byteorder="little"))
try:
    (256).to_bytes()
except OverflowError:
    print("OverflowError")
