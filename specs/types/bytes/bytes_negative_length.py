# feature: types.bytes.methods
# bytes(n) and bytearray(n) make n zero bytes; a negative n is a ValueError.
print(bytes(0), bytearray(0), bytes(2))
for make in (bytes, bytearray):
    try:
        make(-1)
        print("no error")
    except ValueError:
        print("ValueError")
