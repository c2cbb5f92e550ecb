# feature: types.str.case
# isupper/islower need at least one cased character; isalpha/isdigit/isspace
# are False for the empty string.
for s in ("ABC", "abc", "Abc", "A1", "a b", "123", "", " \t\n", "x y"):
    print(repr(s), s.isupper(), s.islower(), s.isalpha(), s.isdigit(), s.isspace())
