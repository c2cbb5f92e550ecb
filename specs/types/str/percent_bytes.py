# feature: types.str.percent
# bytes support %-formatting too (Python 3.5), producing bytes.
print(b"%d-%s" % (5, b"ab"))
print(b"%5d|%x" % (42, 255))
print(b"%c%c" % (65, b"B"))
