# feature: types.str.percent
# printf-style % formatting with a tuple, a single value, or %% escapes.
print("%s has %d items" % ("cart", 3))
print("%s" % "single", "%d%%" % 50, "%s" % (("tuple",),))
print("%r %s" % ("q", "q"), "%c%c" % (72, "i"))
print("%s|%s" % ([1, 2], None))
print("%d %i" % (3.9, -2.9))
