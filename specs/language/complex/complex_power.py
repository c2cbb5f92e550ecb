# feature: language.complex.arithmetic
# Integer powers of complex numbers and mixing with floats.
print((1j) ** 2, (1j) ** 3, (1j) ** 4, (2 + 0j) ** 3)
print((1 + 1j) ** 4, (1 - 1j) * (1 + 1j))
r = (-1 + 0j) ** 0.5
print(abs(r.real) < 1e-15, round(r.imag, 12))
print(0j ** 0, 1.5 * 2j, 2j + 0.5)
