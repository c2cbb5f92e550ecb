# feature: builtins.range.object
# range.index() and range.count() are computed arithmetically.
r = range(1, 20, 4)
print(r.index(13), r.count(13), r.count(14))
print(range(10, 0, -2).index(4))
try:
    r.index(2)
except ValueError:
    print("ValueError")
