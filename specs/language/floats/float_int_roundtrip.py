# feature: language.floats.conversion
# float() of ints rounds to 53 bits; integer-valued floats convert back exactly.
print(float(7), float(-3), float(True), float(2 ** 60) == 2 ** 60)
print(int(float(2 ** 60 + 1)) - 2 ** 60, int(float(2 ** 53 + 1)) == 2 ** 53)
print(int(float(123456789)), 1e3 == 1000, float("1e3") == 1000)
print(float(10 ** 15) + 0.5, float(10 ** 16) + 1 == 1e16)
