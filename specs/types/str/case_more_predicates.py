# feature: types.str.case
# isalnum(), isdecimal(), isnumeric(), istitle() and isidentifier().
for s in ("abc12", "abc 12", "12", "Title Case", "title case", "_name1", "1name", ""):
    print(repr(s), s.isalnum(), s.isdecimal(), s.isnumeric(), s.istitle(), s.isidentifier())
