# feature: language.literals.string
# String prefixes are case-insensitive in any order (r, b, u, f and combinations).
for src in ("r'x'", "R'x'", "b'x'", "B'x'", "u'x'", "U'x'",
            "f'x'", "F'x'", "rb'x'", "Rb'x'", "bR'x'", "BR'x'", "Fr'x'"):
    try:
        print(src, repr(eval(src)))
    except SyntaxError:
        print(src, "SyntaxError")
