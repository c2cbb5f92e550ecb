# feature: language.complex.arithmetic
# real and imag attributes are floats; conjugate() negates imag.
z = 3 - 4j
print(z.real, z.imag, type(z.real))
print((5j).real, (7 + 0j).imag)
try:
    print(z.conjugate(), (2j).conjugate())
except AttributeError:
    print("AttributeError")
try:
    z.real = 5
except AttributeError:
    print("read-only")
