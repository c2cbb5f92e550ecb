# feature: builtins.conversion.chr_ord
# chr()/ord() cover the full code point range, including non-BMP characters.
for cp in (0xE9, 0x3B1, 0x20AC, 0x1F600, 0x10FFFF):
    c = chr(cp)
    print(hex(cp), len(c), ord(c) == cp)
print(ord("\u00e9"), ord("\U0001F40D"))
print(chr(0x48) + chr(0x20AC) == "H\u20ac")
