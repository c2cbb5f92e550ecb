# feature: stdlib.json.loads
# requires: json
# Backslash escapes in JSON strings, including \uXXXX
import json

print(repr(json.loads(r'"a\nb\tc"')))
print(repr(json.loads(r'"q\"q\\q\/q"')))
print(json.loads(r'"\u0041\u00e9"') == "A\u00e9")
print(repr(json.loads(r'"\b\f\r"')))
print(len(json.loads(r'"\u20ac"')))
