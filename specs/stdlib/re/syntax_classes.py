# feature: stdlib.re.syntax
# requires: re
# Character classes, ranges, negation and the \d \w \s escapes
import re

print(re.match("[a-c]+", "cabd").group(0))
print(re.match("[^0-9]+", "ab1").group(0))
print(re.match("[0-9a-f]+", "dead1zz").group(0))
print(re.match(r"\d\D\w\W\s\S", "1a_! x").group(0))
print(re.match(r"\s+", " \t\nx").group(0) == " \t\n")
print(re.match("[-a]+", "-a-b").group(0))
print(re.match(r"a\.b", "axb"))
print(re.match(r"a\.b", "a.b").group(0))
