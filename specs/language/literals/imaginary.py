# feature: language.literals.numeric
# Imaginary literals: j/J suffix on ints and floats.
a = 3j
b = 2.5J
print(type(a), a.real, a.imag)
print(b.real, b.imag)
print(1e1j == 10j, 0j == 0)
print((1 + 2j).imag, -1j * 1j)
