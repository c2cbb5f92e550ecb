# feature: stdlib.re.compile
# requires: re
# The split method of a compiled pattern, with and without maxsplit
import re

r = re.compile(r",\s*")
print(r.split("a, b,c ,d"))
print(r.split("a,b,c", 1))
print(r.split("none"))
print(re.compile("x").split("xaxx"))
