# feature: types.set.operations
# | & - ^ compute union, intersection, difference and symmetric difference.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a), sorted(b))
print(a & set() == set(), sorted(a | set()), (a - a) == set())
try:
    a | [5]
except TypeError:
    print("TypeError")
