# feature: builtins.conversion.chr_ord
# chr() and ord() are inverse on the ASCII range.
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("\x00"))
print(chr(72) + chr(105), repr(chr(0)), repr(chr(127)))
print(all(ord(chr(i)) == i for i in range(128)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
