# feature: builtins.numeric.abs_divmod
# abs() of ints, big ints, floats, signed zero and bools.
print(abs(-7), abs(7), abs(0))
print(abs(-2**80) == 2**80, type(abs(-2**80)))
print(abs(-2.5), abs(2.5))
z = abs(-0.0)
print(z, str(z))
print(abs(True), abs(False), type(abs(True)))
print(abs(-(2**31)), abs(-(2**63)))
