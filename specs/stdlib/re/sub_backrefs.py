# feature: stdlib.re.sub
# requires: re
# Group references \1 and \g<n> in the replacement string
import re

print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host"))
print(re.sub("(a)(b)", r"\g<2>\g<1>", "abab"))
print(re.sub("(x)", r"[\1\1]", "axb"))
