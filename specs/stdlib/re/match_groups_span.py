# feature: stdlib.re.match
# requires: re
# Match object methods groups(), start(), end() and span()
import re

m = re.search(r"(\d+)-(\d+)", "from 10-20 on")
try:
    print(m.groups())
except AttributeError:
    print("no groups()")
try:
    print(m.start(), m.end(), m.span(), m.span(2))
except AttributeError:
    print("no start/end/span")
