# feature: stdlib.re.sub
# requires: re
# Patterns that can match the empty string insert at every position
import re

print(re.sub("x*", "-", "abc"))
print(re.sub("", "-", "ab"))
