# feature: language.literals.numeric
# Integer literals in decimal, hex, octal and binary, upper and lower case prefixes.
print(0x1F, 0X1f, 0xabcdef)
print(0o17, 0O777)
print(0b1011, 0B11111111)
print(0, 00, 0x0, 0o0, 0b0)
print(-0x10, +0b11, -0o10)
print(0xFF == 255 == 0o377 == 0b11111111)
