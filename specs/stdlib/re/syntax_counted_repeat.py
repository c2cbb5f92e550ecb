# feature: stdlib.re.syntax
# requires: re
# Counted repetition {m,n} and word boundaries \b
import re

for pat, s in (("a{2}", "aaaa"), ("a{2,3}", "aaaa"), (r"\bon\b", "go on now")):
    try:
        m = re.search(pat, s)
        print(pat, m.group(0) if m else None)
    except Exception as e:
        print(pat, type(e).__name__)
