# feature: language.comprehensions.list
# A comprehension iterating a list being mutated elsewhere, and building a fresh list each time.
def build():
    return [0 for _ in range(2)]
a, b = build(), build()
a.append(1)
print(a, b, a is b)
src = [1, 2, 3]
out = [src.append(x) or x for x in src if len(src) < 6]
print(out, src)
