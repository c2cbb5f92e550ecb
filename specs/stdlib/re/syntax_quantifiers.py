# feature: stdlib.re.syntax
# requires: re
# *, +, ? greedy and non-greedy forms
import re

print(re.match("a*", "aaab").group(0))
print(re.match("a+", "aaab").group(0))
print(re.match("ab?", "abb").group(0))
print(re.match("a*?", "aaa").group(0) == "")
print(re.match("a+?", "aaa").group(0))
print(re.match("<.*>", "<a><b>").group(0))
print(re.match("<.*?>", "<a><b>").group(0))
print(re.match("x?y", "y").group(0))
