# feature: types.str.join_strip
# sep.join(iterable) concatenates strings with the separator between them.
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join("abc"))
print(repr("-".join([])), "-".join(["solo"]))
print("/".join(str(n) for n in range(4)))
print("=".join(("k", "v")), "..".join({"k": 1}))
