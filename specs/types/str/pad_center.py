# feature: types.str.join_strip
# center() pads both sides. With an odd amount of padding CPython puts the
# extra space on the left when the width is odd, on the right when it is even;
# a string longer than the width is returned unchanged.
print("[" + "ab".center(6) + "]", "[" + "ab".center(5) + "]", "[" + "abc".center(6) + "]")
print("[" + "a".center(4) + "]", "[" + "abcd".center(7) + "]")
print("[" + "abcdef".center(3) + "]", "[" + "".center(2) + "]")
