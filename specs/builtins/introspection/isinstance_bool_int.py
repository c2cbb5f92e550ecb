# feature: builtins.introspection.isinstance
# bool is a subclass of int, so True and False are ints (but ints are not bools).
print(issubclass(bool, int), isinstance(True, int), isinstance(False, (int,)))
print(isinstance(1, bool), issubclass(int, bool))
print(True == 1, True + 1, type(True + 1))
