# feature: stdlib.re.sub
# requires: re
# re.sub replaces every non-overlapping match; a count limits it
import re

print(re.sub(r"\d+", "#", "a1b22c333"))
print(re.sub("x", "-", "no match"))
print(re.sub("a", "b", "aaaa", 2))
print(re.sub("a", "b", "aaaa", 0))
print(re.sub(" +", " ", "too   many    spaces"))
