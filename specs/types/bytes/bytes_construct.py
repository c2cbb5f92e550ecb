# feature: types.bytes.methods
# bytes() from a length, an iterable of ints, a str with encoding, or bytes.
print(bytes(3), bytes([72, 105]), bytes(range(65, 68)))
print(bytes("h\u00e9", "utf-8"), bytes(b"copy"), bytes())
print(bytes((0, 255)), bytes(bytearray(b"ba")))
for bad in ([256], [-1], "text"):
    try:
        print(bytes(bad))
    except (ValueError, TypeError) as e:
        print(type(e))
