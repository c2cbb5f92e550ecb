# feature: stdlib.re.compile
# requires: re
# A compiled pattern offers match, search and sub
import re

r = re.compile(r"[a-z]+(\d)")
print(r.match("ab1cd2").group(0), r.match("ab1cd2").group(1))
print(r.match("12ab"))
print(r.search("12ab3").group(0))
print(r.sub("_", "x1 y2 z"))
print(r.sub("_", "x1y2", 1))
