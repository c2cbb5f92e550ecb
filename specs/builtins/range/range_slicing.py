# feature: builtins.range.object
# Slicing a range gives another range with the matching start/stop/step.
r = range(2, 20, 3)
for s in (r[1:4], r[::-1], r[-2:], r[::2], r[5:1], r[::-2]):
    print(s, list(s))
print(range(10)[3:100], range(5)[-100:2])
print(range(0, -10, -2)[1:3], list(range(0, -10, -2)[1:3]))
