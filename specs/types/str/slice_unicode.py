# feature: types.str.slicing_encode
# Indexing counts code points, so multi-byte characters are single items.
s = "a\u00e9\u20acb\U0001F600"
print(len(s), s[1] == "\u00e9", s[2] == "\u20ac", s[-1] == "\U0001F600")
print(s[1:3] == "\u00e9\u20ac", s[-2:] == "b\U0001F600", s.find("b"))
print([ord(c) for c in s])
