# feature: builtins.range.object
# range exposes start/stop/step; repr omits a step of 1; an empty range is falsy.
r = range(1, 11, 4)
print(r.start, r.stop, r.step, repr(r))
print(repr(range(3)), str(range(0, -3, -1)))
print(range(7).start, range(7).step)
print(bool(range(0)), bool(range(4, 4)), bool(range(3)), bool(range(3, 0, -1)))
print(type(range(2)))
