# feature: stdlib.json.loads
# requires: json
# Malformed documents raise ValueError (JSONDecodeError on CPython is a subclass)
import json

for text in ("", "tru", "[1] x", "{'a': 1}", '"open', "[1, 2"):
    try:
        json.loads(text)
        print(repr(text), "accepted")
    except ValueError:
        print(repr(text), "ValueError")
