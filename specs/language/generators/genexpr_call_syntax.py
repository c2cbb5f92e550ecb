# feature: language.generators.genexpr
# A sole genexpr argument needs no parentheses; with other arguments it does.
print(sum(i for i in range(4)))
print(sorted((i for i in [3, 1, 2]), key=lambda v: -v))
for src in ("sum(i for i in range(3), 10)", "sum((i for i in range(3)), 10)"):
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError")
