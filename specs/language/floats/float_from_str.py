# feature: language.floats.conversion
# float() parses strings with whitespace, signs, exponents and underscores.
for s in ("1.5", "  -2.25\n", "+3", "1e3", "1E-2", ".5", "5.", "inf", "-nan",
          "1_000.5", "", "1.2.3", "1e", "abc", "1__0", "0x10"):
    try:
        print(repr(s), float(s))
    except ValueError:
        print(repr(s), "ValueError")
