# feature: language.lambda.basic
# Immediately invoked lambdas, lambdas in data structures and as return values.
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b, "neg": lambda a: -a}
print(ops["+"](2, 3), ops["*"](2, 3), ops["neg"](4))
print((lambda *a, **k: (a, sorted(k.items())))(1, z=2))
table = [(lambda n=n: n * 10) for n in range(3)]
print([t() for t in table])
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
