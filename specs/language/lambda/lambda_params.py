# feature: language.lambda.basic
# lambda supports defaults, *args, keyword-only and **kwargs.
f = lambda a, b=2, *rest, k=0, **kw: (a, b, rest, k, sorted(kw))
print(f(1))
print(f(1, 3, 5, 7, k=9, z=1, y=2))
g = lambda *a: sum(a)
h = lambda **kw: len(kw)
print(g(), g(1, 2, 3), h(a=1, b=2))
