# feature: builtins.range.object
# Ranges may have big-int bounds: indexing and membership stay exact, but
# len() beyond sys.maxsize raises OverflowError.
r = range(0, 10**21, 10**10)
print(10**20 in r, 10**20 + 1 in r)
print(r[5], r[-1])
big = range(2**64)
print(big[2**63], bool(big))
try:
    len(big)
except OverflowError:
    print("OverflowError")
