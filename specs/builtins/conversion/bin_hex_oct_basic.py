# feature: builtins.conversion.bin_hex_oct
# bin(), hex() and oct() give prefixed lowercase strings; eval round-trips them.
for n in (0, 1, 7, 8, 255, 4096):
    print(n, bin(n), hex(n), oct(n))
print(int(bin(37), 0), int(hex(37), 16), int(oct(37), 8))
print(eval(hex(3054)), eval(oct(64)), eval(bin(10)))
