# feature: language.del.targets
# A bracketed target list is a valid del target: del [a, b].
a, b = 1, 2
del [a, b]
print("a" in globals(), "b" in globals())
