# feature: language.bigint.pow_mod
# Three-argument pow rejects a zero modulus and non-integer arguments.
tests = ((2, 3, 0), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0))
for args in tests:
    try:
        print(pow(*args))
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
print(pow(2, 3, 5), pow(2, 3), pow(2, -1))
