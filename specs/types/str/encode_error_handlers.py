# feature: types.str.slicing_encode
# The errors argument of decode(): "ignore" drops bad bytes, "replace"
# substitutes U+FFFD.
print(b"ok\xffx".decode("utf-8", "ignore"))
print(b"a\xffb".decode("utf-8", "replace") == "a\ufffdb")
print("a\u00e9".encode("ascii", "replace"), "a\u00e9".encode("ascii", "ignore"))
