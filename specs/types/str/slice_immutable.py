# feature: types.str.slicing_encode
# Strings are immutable: item assignment and deletion raise TypeError;
# concatenation and repetition build new strings.
s = "abc"
for op in ("assign", "delete"):
    try:
        if op == "assign":
            s[0] = "z"
        else:
            del s[0]
    except TypeError:
        print("TypeError", op)
t = s + "d"
print(s, t, s * 3, 0 * s == "", -1 * s == "")
print(s < "abd", "B" < "a", "abc" == "ab" + "c")
