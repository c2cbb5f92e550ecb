# feature: types.str.format
# !r and !s conversions, and width/fill taken from other arguments.
print("{!r} {!s} {!r:>6}".format("a", "b", "c"))
print("{!r}".format("it's"), "{!s}".format([1, "x"]))
print("[{:>{w}}] [{:{f}^{w}}]".format("a", "b", w=5, f="*"))
print("[{0:{1}}]".format(7, 4))
