# feature: language.complex.arithmetic
# abs() of a complex number is its magnitude, a float.
print(abs(3 + 4j), abs(-5j), abs(0j), abs(-8 + 6j))
print(type(abs(1j)), abs(1 + 1j) == 2 ** 0.5)
print(abs(complex(5, 12)), abs(complex(-0.6, -0.8)))
