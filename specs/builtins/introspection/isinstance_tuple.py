# feature: builtins.introspection.isinstance
# The second argument may be a tuple of types, nested to any depth.
print(isinstance(1, (str, int)), isinstance(1.5, (str, int)))
print(isinstance("x", ()), isinstance([], (tuple, (dict, list))))
print(issubclass(int, (str, (float, (int,)))), isinstance(2, ((((int,),),),)))
print(issubclass(dict, (list, tuple)))
