# feature: language.iterators.protocol
# Consumers share the iterator's position: break, zip and unpacking advance it.
it = iter(range(10))
for x in it:
    if x == 2:
        break
print(next(it))
print(list(zip(it, "ab")))
a, b = next(it), next(it)
print(a, b, list(it))
