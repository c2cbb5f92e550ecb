# feature: language.operators.arithmetic
# Division by zero raises ZeroDivisionError for every division operator.
cases = ((1, 0), (1.0, 0), (1, 0.0), (0, 0), (-2.5, 0.0))
for a, b in cases:
    out = []
    for f in (lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
        try:
            f()
            out.append("ok")
        except ZeroDivisionError:
            out.append("ZDE")
    print(a, b, out)
try:
    0 ** -1
except ZeroDivisionError:
    print("0**-1 ZDE")
