# feature: types.str.search_replace
# count() counts non-overlapping occurrences within optional start/end.
s = "aaaa banana"
print(s.count("a"), s.count("aa"), s.count("ana"), s.count("z"))
print(s.count("a", 5), s.count("a", 5, 8), s.count("a", -3))
print("mississippi".count("ss"), "mississippi".count("i", 2, -2))
