# feature: types.str.format
# !r and !s conversions, indexing and attribute access inside fields,
# and nested width specifications.
print("{!r} {!s} {!r:>6}".format("a", "b", "c"))
print("{0[1]} {0[0]}".format(["x", "y"]))
print("{d[key]}".format(d={"key": "val"}))
print("{0.real} {0.imag}".format(3 + 4j))
print("[{:>{w}}] [{:{f}^{w}}]".format("a", "b", w=5, f="*"))
