# feature: types.str.format
# Fields may index their argument ([n] or [key]) or read an attribute (.name).
print("{0[1]} {0[0]}".format(["x", "y"]))
print("{d[key]}".format(d={"key": "val"}))
class Pt:
    x = 3
    y = 4
print("{0.x},{0.y}".format(Pt()))
print("{p[0]}-{p[1]}".format(p=(4, 5)))
