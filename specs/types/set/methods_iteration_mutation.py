# feature: types.set.methods
# Adding to a set while iterating over it raises RuntimeError.
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError:
    print("RuntimeError")
s = {1, 2}
for x in list(s):
    s.add(x + 10)
print(sorted(s))
