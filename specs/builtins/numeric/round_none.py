# feature: builtins.numeric.round
# round(x, None) behaves like round(x): an int result for ints and floats.
for x in (7, 2.5, -3.5, 2.7):
    r = round(x, None)
    print(x, r, type(r))
