# feature: language.bigint.shifts
# & | ^ ~ on big ints, including negative (two's complement) values.
a = (1 << 100) | 0xF0
b = (1 << 99) | 0x3C
print(hex(a & b), hex(a | b), hex(a ^ b))
print(~a == -a - 1, hex(-a & 0xFFFF), hex((-1 << 100) & a))
print(hex(-(1 << 70) | 0xFF), -(1 << 70) ^ -1 == (1 << 70) - 1)
print(bin(1 << 70).count("1"), len(bin(1 << 70)))
