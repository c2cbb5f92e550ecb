# feature: language.del.items_attrs
# Immutable containers reject item deletion with TypeError.
for obj in ((1, 2, 3), "abc", b"xy", range(4)):
    try:
        del obj[0]
        print("deleted")
    except TypeError:
        print(type(obj).__name__, "TypeError")
