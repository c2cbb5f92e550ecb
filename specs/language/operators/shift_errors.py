# feature: language.operators.bitwise
# Negative shift counts raise ValueError; bitwise ops reject floats.
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 & 1, lambda: 1 | 2.0,
          lambda: ~1.5, lambda: 3 << 1.0):
    try:
        print(f())
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
print(True & False, True | False, True ^ True, type(True & True))
