# feature: types.str.search_replace
# startswith/endswith accept a tuple of candidates and optional start/end.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.startswith("name", 4))
print(s.endswith(".gz"), s.endswith((".zip", ".gz")), s.endswith(".tar", 0, 12))
print(s.startswith(("x", "y")), s.startswith(""), "".endswith(""))
print("abc".startswith("abcd"), "abc".endswith("c", 1, 2))
try:
    s.startswith(["file"])
except TypeError:
    print("TypeError")
