# feature: types.str.join_strip
# strip/lstrip/rstrip remove whitespace, or any of the given characters, from
# the ends only.
s = " \t spaced out \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"))
print("www.example.com".strip("cmowz."), "abc".strip(""), repr("aaa".strip("a")))
print("a b".strip(), "<<a>>".strip("<>"))
