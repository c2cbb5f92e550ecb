# feature: types.int.methods
# signed=True uses two's complement in both directions; negative numbers
# cannot be encoded unsigned.
print((-1).to_bytes(2, "big", signed=True), (-256).to_bytes(2, "little", signed=True))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"\x80", "big", signed=True))
print(int.from_bytes(b"\x7f", "big", signed=True))
try:
    (-1).to_bytes(2, "big")
except OverflowError:
    print("OverflowError")
