# feature: stdlib.json.dumps
# requires: json
# Non-ASCII characters: CPython escapes them by default (ensure_ascii=True)
import json

s = json.dumps("caf\u00e9")
print(s.encode())
print(len(s))
print(json.loads(s) == "caf\u00e9")
