# feature: language.literals.string
# Single-character backslash escapes in str literals.
s = "a\tb\nc\\d\'e\"f\rg\0h"
print([ord(c) for c in s])
print(len("\a\b\f\v"), [ord(c) for c in "\a\b\f\v"])
print("x\
y")
print(len("\\n"), "\\n")
