# feature: types.str.search_replace
# find/rfind return -1 when absent; index/rindex raise ValueError instead.
s = "abracadabra"
print(s.find("bra"), s.rfind("bra"), s.find("zz"), s.rfind("zz"))
print(s.index("cad"), s.rindex("a"), s.find("a", 1), s.find("a", 1, 3))
print(s.find("a", -4), s.rfind("a", 0, 5), s.find(""), s.rfind(""))
for f in (s.index, s.rindex):
    try:
        f("x")
    except ValueError:
        print("ValueError")
