# feature: language.literals.bytes
# Adjacent bytes and str literals cannot be concatenated, at compile time or with +.
for src in ('b"a" "b"', '"a" b"b"', 'b"a" b"b"', 'b"a" rb"\\\\"'):
    try:
        print(repr(eval(src)))
    except SyntaxError:
        print("SyntaxError")
for x, y in ((b"a", "b"), ("a", b"b")):
    try:
        print(repr(x + y))
    except TypeError:
        print("TypeError")
