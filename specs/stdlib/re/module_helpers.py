# feature: stdlib.re.compile
# requires: re
# Module-level helpers re.split, re.findall and re.fullmatch
import re

for name in ("split", "findall", "fullmatch", "finditer", "escape"):
    print(name, hasattr(re, name))
