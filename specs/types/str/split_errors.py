# feature: types.str.split_partition
# An empty separator is a ValueError; a non-str separator a TypeError.
for sep in ("", 1, b","):
    try:
        print("a,b".split(sep))
    except (ValueError, TypeError) as e:
        print(type(e), repr(sep))
try:
    "a b".partition("")
except ValueError:
    print("ValueError partition")
