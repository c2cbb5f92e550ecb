# feature: builtins.range.object
# Ranges compare equal when they produce the same sequence, whatever the
# arguments were.
print(range(5) == range(0, 5), range(0) == range(3, 3))
print(range(1, 6, 2) == range(1, 7, 2), range(0, 1, 5) == range(0, 1, 9))
print(range(2) == range(3), range(2) != range(3))
print(range(3) == [0, 1, 2], range(1) == range(1))
