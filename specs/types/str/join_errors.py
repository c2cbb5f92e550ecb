# feature: types.str.join_strip
# join() needs every item to be a str; bytes and ints raise TypeError.
for items in (["a", 1], [b"a", b"b"], [None], "ok"):
    try:
        print("+".join(items))
    except TypeError:
        print("TypeError")
