# feature: language.special_methods.comparison
# Without __eq__, objects compare equal only to themselves.
class Plain:
    pass

p, q = Plain(), Plain()
print(p == p, p == q, p != q)
print(p in [q], p in [q, p])
try:
    p < q
except TypeError:
    print("TypeError")
