# feature: stdlib.re.match
# requires: re
# re.match only matches at the start of the string; failure gives None
import re

print(re.match("ab", "abc").group(0))
print(re.match("bc", "abc"))
print(re.match("", "xyz").group(0) == "")
print(re.match("a+", "aaab").group(0))
print(re.match("x*", "abc").group(0) == "")
print(re.match("abc", "ab"))
