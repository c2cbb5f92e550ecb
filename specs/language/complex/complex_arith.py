# feature: language.complex.arithmetic
# Complex addition, subtraction, multiplication and division.
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, b / (1 + 0j))
print((2 + 4j) / 2, 1j * 1j, (1 + 1j) * (1 + 1j))
print(a + 1, 2 * a, a - 0.5, 1 / 1j)
print(a == complex(1, 2), a != b, (1 + 0j) == 1)
