# feature: types.bytes.methods
# bytes and str are distinct: they never compare equal and do not concatenate.
print(b"abc" == "abc", b"" == "")
try:
    print(b"ab" + "c")
except TypeError:
    print("TypeError")
try:
    print("ab" + b"c")
except TypeError:
    print("TypeError")
