# feature: language.unpacking.starred
# ** unpacking inside dict displays; later keys override earlier ones (PEP 448).
d1 = {"x": 1, "y": 2}
for src in ('{**d1, "y": 20, **{"z": 3}}', '{"y": 0, **d1}', "{**{}}"):
    try:
        print(sorted(eval(src).items()))
    except SyntaxError:
        print("SyntaxError")
