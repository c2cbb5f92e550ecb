# feature: stdlib.re.compile
# requires: re
# A compiled pattern is reusable across many subjects
import re

r = re.compile("(ab|cd)e")
for s in ("abe", "cde", "abde", "xcde"):
    m = r.match(s)
    print(s, m.group(1) if m else None, bool(r.search(s)))
