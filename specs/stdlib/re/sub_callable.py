# feature: stdlib.re.sub
# requires: re
# A callable replacement receives each match object
import re


def double(m):
    return str(int(m.group(0)) * 2)


print(re.sub(r"\d+", double, "1 plus 20 is 21"))
seen = []
print(re.sub("[aeiou]", lambda m: seen.append(m.group(0)) or "*", "education"))
print(seen)
