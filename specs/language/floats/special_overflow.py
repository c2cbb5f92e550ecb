# feature: language.floats.special
# Float operations that overflow: ** raises OverflowError while * gives inf.
big = 1e200
print(big * big, -big * big)
for f in (lambda: big ** 2, lambda: 10.0 ** 400, lambda: 2.0 ** 1024):
    try:
        print(f())
    except OverflowError:
        print("OverflowError")
print(2.0 ** 1023 > 0, 2.0 ** -1075)
