# feature: builtins.object.repr
# repr() of str chooses quotes and escapes control characters.
print(repr("plain"), repr(""))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("nl\n"), repr("back\\slash"))
print(repr("\x00\x07\x1f\x7f"))
print(repr("\r"), len(repr("\x01")))
