# feature: language.literals.numeric
# Float literal spellings: leading/trailing dot, exponents, case.
print(1.5, .5, 5., 0.0)
print(1e3, 1E3, 2.5e-3, 1e+2, 7e0)
print(type(1e3), type(10), type(.0))
print(0.25 == 25e-2 == 2.5E-1)
print(1.0e0 == 1, 0e0 == 0.0, 1.e1)
print(-.5 + 1.)
