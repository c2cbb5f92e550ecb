# feature: stdlib.re.match
# requires: re
# re.search scans for the first match anywhere in the string
import re

print(re.search("bc", "abcbc").group(0))
print(re.search("[0-9]+", "abc 123 456").group(0))
print(re.search("z", "abc"))
print(re.search("^b", "abc"))
print(re.search("c$", "abc").group(0))
print(re.search("a$", "abc"))
