# feature: language.comprehensions.scoping
# Comprehension loop variables do not leak into the enclosing scope.
x = "keep"
[x for x in range(3)]
{x: 0 for x in range(3)}
{x for x in range(3)}
print(x)
try:
    [y for y in range(2)]
    print(y)
except NameError:
    print("NameError")
