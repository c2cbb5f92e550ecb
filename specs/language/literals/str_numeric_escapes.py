# feature: language.literals.string
# Octal, hex and unicode escapes in str literals.
print(ord("\101"), ord("\7"), ord("\0"), ord("\77"), ord("\377"))
print("\x41\x62", "\u0041", "\U00000042")
print(ord("\u00e9"), ord("\U0001F600"), len("\U0001F600"))
print("\1010" == "A0", len("\1010"))
for bad in (r'"\x4"', r'"\u12"', r'"\U0000004"'):
    try:
        eval(bad)
        print("accepted")
    except SyntaxError:
        print("SyntaxError")
