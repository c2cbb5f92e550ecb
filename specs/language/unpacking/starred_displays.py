# feature: language.unpacking.starred
# * unpacking inside list, tuple and set displays (PEP 448).
a = [1, 2]
for src in ("[*a, *'bc', 0]", "(*a,)", "(*range(2), *a)",
            "sorted({*a, *[2, 3]})", "[*[], *()]"):
    try:
        print(src, "->", eval(src))
    except SyntaxError:
        print(src, "-> SyntaxError")
