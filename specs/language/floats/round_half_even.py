# feature: language.floats.conversion
# round() with no digits uses banker's rounding and returns an int.
vals = (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001)
print([round(v) for v in vals])
print(type(round(2.5)), type(round(2.5, 0)), round(2.5, 0))
print(round(7), round(-7), type(round(7)))
