# feature: types.int.methods
# int() parses strings in any base 2..36; base 0 reads the literal prefix;
# floats truncate toward zero.
print(int("42"), int(" -7 "), int("ff", 16), int("0x1F", 0), int("0b101", 0), int("z", 36))
print(int(3.99), int(-3.99), int(True))
for args in (("12a",), ("",), ("9", 8), ("1.5",)):
    try:
        print(int(*args))
    except ValueError:
        print("ValueError", args)
print(int("1_000"), int("0x_ff", 16))
