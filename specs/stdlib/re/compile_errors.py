# feature: stdlib.re.compile
# requires: re
# Malformed patterns fail at compile time (re.error on CPython)
import re

for pat in ("(", "a)", "[ab"):
    try:
        re.compile(pat)
        print(pat, "compiled")
    except Exception as e:
        print(pat, "error", isinstance(e, ValueError) or type(e).__name__ == "error")
