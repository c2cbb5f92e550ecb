# feature: types.str.format
# Automatic, numbered and named fields; {{ and }} are literal braces.
print("{} + {} = {}".format(1, 2, 3))
print("{1}{0}{1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=7))
print("{0} {x} {0}".format("r", x="k"))
print("{{literal}} {}".format("v"), "{}".format(None), "{}".format([1, "a"]))
