# feature: builtins.conversion.bin_hex_oct
# Arbitrary-precision ints convert exactly.
big = 2**100 + 1
print(hex(big))
print(oct(big))
b = bin(big)
print(len(b), b[:6], b[-4:])
print(hex(-(2**70)))
print(hex(0xDEADBEEFCAFEBABE12))
