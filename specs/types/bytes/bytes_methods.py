# feature: types.bytes.methods
# bytes share the str search/split/strip methods, with bytes arguments.
b = b"  key=value; other=1  "
print(b.strip(), b.split(b";"), b.strip().partition(b"="))
print(b.find(b"val"), b.count(b"e"), b.replace(b" ", b""))
print(b"abc".upper(), b"ABC".lower(), b"a1".isalpha(), b"12".isdigit())
print(b"-".join([b"a", b"b"]), b"x.y".startswith(b"x"), b"x.y".endswith(b".y"))
print(b"a\nb".splitlines(), b"abc".find(99), b"abc".index(b"c"))
