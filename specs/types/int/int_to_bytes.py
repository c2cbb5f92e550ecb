# feature: types.int.methods
# to_bytes(length, byteorder) gives a fixed-size big- or little-endian encoding.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((0).to_bytes(3, "big"), (255).to_bytes(1, "little"))
print((2**64 - 1).to_bytes(8, "big"), (0x0102030405).to_bytes(6, "little"))
try:
    (256).to_bytes(1, "big")
except OverflowError:
    print("OverflowError")
