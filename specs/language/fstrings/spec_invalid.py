# feature: language.fstrings.format_spec
# Invalid format specs raise ValueError at run time.
vals = (("abc", "d"), (1.5, "d"), (5, "s"), ("x", "=5"), (3, ".2x"))
for v, spec in vals:
    try:
        print(repr(f"{v:{spec}}"))
    except ValueError:
        print("ValueError")
