# feature: language.operators.precedence
# Conditional expressions bind loosely and nest to the right; lambda is lowest.
x = 1 if True else 2 + 10
print(x, (1 if False else 2) + 10, 1 if False else 2 + 10)
a = 5
print("neg" if a < 0 else "zero" if a == 0 else "pos")
print(1 or 3 if 0 else 4, 1 or (3 if 0 else 4))
f = lambda n: n * 2 if n else -1
print(f(3), f(0))
print([i if i % 2 else -i for i in range(4)])
