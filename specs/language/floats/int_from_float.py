# feature: language.floats.conversion
# int() truncates toward zero; // floors.
for v in (2.7, -2.7, 0.5, -0.5, 1e10, -1e-10, 3.0):
    print(v, int(v), v // 1, type(v // 1))
print(int(1e20), int(-2.5e15), int(2.0 ** 70) == 2 ** 70)
