# feature: stdlib.re.match
# requires: re
# Patterns and subjects can be bytes; groups are then bytes
import re

m = re.match(b"([a-z]+)([0-9]*)", b"abc42!")
print(m.group(0), m.group(1), m.group(2))
print(re.search(b"!", b"abc42!").group(0))
print(type(m.group(1)).__name__)
