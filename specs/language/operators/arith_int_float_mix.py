# feature: language.operators.arithmetic
# Result types of + - * / // % ** on int and float operands.
ops = (("+", lambda a, b: a + b), ("-", lambda a, b: a - b),
       ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("**", lambda a, b: a ** b))
for name, f in ops:
    r1 = f(7, 2)
    r2 = f(7, 2.0)
    print(name, r1, type(r1), r2, type(r2))
print(6 / 3, type(6 / 3))
