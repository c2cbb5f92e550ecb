# feature: stdlib.re.syntax
# requires: re
# '.' matches any character except newline (without DOTALL)
import re

print(re.match("a.c", "abc").group(0))
print(re.match("a.c", "a\nc") is None)
print(repr(re.match(".+", "xy\nz").group(0)))
m = re.search("b.", "ab\n")
print(m if m is None else repr(m.group(0)))
