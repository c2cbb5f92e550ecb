# feature: builtins.object.repr
# repr() of ints, floats, bools and None round-trips through eval.
for v in (0, -12, 2**70, 1.0, -2.5, 0.1, 1e30, True, None):
    r = repr(v)
    print(r, eval(r) == v)
print(repr(float("inf")), repr(float("-inf")), repr(float("nan")))
print(repr(-0.0), str(2.0))
