# feature: builtins.object.repr
# repr() keeps printable non-ASCII characters as they are (Python 3) and
# escapes non-printable ones such as the zero-width space.
print(repr("caf\u00e9") == "'caf\u00e9'")
print(repr("\u20ac5") == "'\u20ac5'")
print(repr("\u03b1\u03b2") == "'\u03b1\u03b2'")
print(repr("\u200b"), repr("\x85"))
