# feature: stdlib.re.match
# requires: re
# Numbered capture groups via group(n); unmatched optional groups give None
import re

m = re.match(r"(\w+)=(\d+)", "width=640;")
print(m.group(0), m.group(1), m.group(2))
m = re.match("(a)(b)?(c)", "ac")
print(m.group(1), m.group(2), m.group(3))
m = re.match("((a)b)c", "abc")
print(m.group(1), m.group(2))
m = re.match("(a|b)+", "abba")
print(m.group(0), m.group(1))
