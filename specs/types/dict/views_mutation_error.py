# feature: types.dict.views
# Changing a dict's size while iterating over it raises RuntimeError.
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError:
    print("RuntimeError")
d = {"a": 1, "b": 2}
for k in list(d):
    d[k + "!"] = 0
print(sorted(d))
