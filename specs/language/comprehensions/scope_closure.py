# feature: language.comprehensions.scoping
# Comprehensions see enclosing function locals; lambdas made inside capture the final value.
def f():
    base = 10
    return [base + i for i in range(3)]
print(f())
fs = [lambda: i for i in range(3)]
print([g() for g in fs])
gs = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in gs])
