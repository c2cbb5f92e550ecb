# feature: types.str.search_replace
# The empty string is found at every position up to len(s), but not past it.
s = "abc"
print(s.find(""), s.find("", 2), s.find("", 3), s.find("", 4), s.find("", 10))
print(s.rfind("", 0, 1), s.count(""), "".count(""), "" in s)
print(s.index("", 3))
