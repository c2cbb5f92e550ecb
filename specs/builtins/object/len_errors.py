# feature: builtins.object.len_hash
# Objects without a length raise TypeError from len().
for obj in (5, 2.0, None, iter([1]), (x for x in "ab"), object()):
    try:
        len(obj)
        print("has len")
    except TypeError:
        print("TypeError")
