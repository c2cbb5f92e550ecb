# feature: types.str.slicing_encode
# encode() defaults to UTF-8; decode() reverses it.
s = "caf\u00e9 \u20ac"
b = s.encode()
print(b, len(s), len(b))
print(b == s.encode("utf-8"), b.decode() == s, b.decode("utf-8") == s)
print("abc".encode("ascii"), "".encode(), type("x".encode()))
print(str(b, "utf-8") == s, bytes(s, "utf-8") == b)
