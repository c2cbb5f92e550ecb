# feature: language.floats.arithmetic
# repr/str of floats uses the shortest string that round-trips.
for v in (0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789.123, 1e22, 5e-324):
    s = repr(v)
    print(s, float(s) == v)
print(str(1.0), str(-2.5), str(100.0), repr(1e15), repr(1.5e-7))
