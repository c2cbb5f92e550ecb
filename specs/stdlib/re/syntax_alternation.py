# feature: stdlib.re.syntax
# requires: re
# Alternation, grouping and non-capturing groups
import re

print(re.match("cat|dog", "dog!").group(0))
print(re.match("a(b|c)d", "acd").group(1))
print(re.match("(ab)+", "ababa").group(0))
print(re.match("(?:ab)+(c)", "ababc").group(1))
print(re.match("a|ab", "ab").group(0))
print(re.match("(x|y)(z|w)", "yw").group(2))
