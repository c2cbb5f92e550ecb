# feature: builtins.aggregate.sum_all_any
# sum() refuses str and bytes start values (use join instead).
for items, start in ((["a", "b"], ""), (["a", "b"], "x"), ([b"a", b"b"], b"")):
    try:
        print(sum(items, start))
    except TypeError:
        print("TypeError", type(start))
print("".join(["a", "b"]), b"".join([b"a", b"b"]))
