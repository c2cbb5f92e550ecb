# feature: language.operators.bitwise
# & | ^ ~ << >> on non-negative ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 0, 1 << 10, 1024 >> 3, 5 >> 10)
x = 0xF0
x &= 0x3C; print(hex(x))
x |= 1; print(hex(x))
x ^= 0xFF; print(hex(x))
x <<= 2; print(x)
x >>= 3; print(x)
