# feature: types.str.format
# Fields may index their argument ([n] or [key]) or read an attribute (.name).
print("{0[1]} {0[0]}".format(["x", "y"]))
print("{d[key]}".format(d={"key": "val"}))
print("{0.real} {0.imag}".format(3 + 4j))
print("{p[0]}-{p[1]}".format(p=(4, 5)))
