# feature: builtins.conversion.bin_hex_oct
# bin/hex/oct accept any object with __index__, using the returned int.
class Ten:
    def __index__(self):
        return 10
class Neg:
    def __index__(self):
        return -3
print(bin(Ten()), hex(Ten()), oct(Ten()))
print(bin(Neg()), hex(Neg()))
