# feature: types.int.methods
# bit_length() counts the bits needed for |n|, excluding sign and leading zeros.
for n in (0, 1, 2, 7, 8, 255, 256, -1, -8, 2**100):
    print(n if n < 2**20 else "2**100", n.bit_length())
