# feature: builtins.numeric.abs_divmod
# divmod() with a float operand returns floats with floor semantics.
print(divmod(7.5, 2))
print(divmod(-7.5, 2))
print(divmod(7, -2.0))
print(divmod(-7, 2.0))
q, r = divmod(9.0, 3)
print(q, r, type(q), type(r))
