# feature: language.generators.genexpr
# The genexpr loop variable does not leak, and free names are looked up at iteration time.
x = "outer"
g = (x for x in "ab")
print(list(g), x)
k = 1
g2 = (i * k for i in range(3))
k = 10
print(list(g2))
