# feature: language.complex.arithmetic
# Complex numbers are unordered and do not support // or %.
a = 1 + 1j
for f in (lambda: a < 2j, lambda: a // 2, lambda: a % 2, lambda: int(a), lambda: float(a)):
    try:
        print(f())
    except TypeError:
        print("TypeError")
try:
    a / 0
except ZeroDivisionError:
    print("ZeroDivisionError")
