# feature: types.str.slicing_encode
# Extended slices with a step, including negative steps and reversal.
s = "abcdefgh"
print(s[::2], s[1::3], s[::-1], s[6:1:-2], s[-1:-4:-1])
print(repr(s[1:5:-1]), s[::10], s[::-3])
try:
    s[::0]
except ValueError:
    print("ValueError")
