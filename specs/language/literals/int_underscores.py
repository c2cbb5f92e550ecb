# feature: language.literals.numeric
# PEP 515 underscores in numeric literals and rejected placements.
print(1_000_000, 0x_FF_FF, 0o_7_7, 0b_1010_1010)
print(1_0.5_0, 1_0e1_0)
for src in ("1__0", "1_", "0x_", "_1", "0b1_2"):
    try:
        v = eval(src)
        print(src, "ok", v)
    except SyntaxError:
        print(src, "SyntaxError")
    except NameError:
        print(src, "NameError")
