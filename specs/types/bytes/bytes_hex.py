# feature: types.bytes.methods
# hex() and fromhex() convert bytes to and from hexadecimal text.
b = bytes([0, 15, 16, 255])
print(b.hex(), bytes.fromhex("000f10ff") == b)
print(bytes.fromhex("de ad BE ef"), bytes.fromhex(""))
print(bytearray.fromhex("4142"), b"".hex())
try:
    bytes.fromhex("zz")
except ValueError:
    print("ValueError")
