# feature: builtins.conversion.bin_hex_oct
# Negative numbers get a minus sign before the prefix, not two's complement.
for n in (-1, -5, -255, -8):
    print(n, bin(n), hex(n), oct(n))
print(bin(True), hex(False))
