# feature: stdlib.json.dumps
# requires: json
# json.dumps of the scalar types: None, booleans, ints, floats, strings
import json

for v in (None, True, False, 0, -17, 2**40, 2.5, -0.25, "", "abc"):
    print(repr(v), "->", json.dumps(v))
# the result is always a str
print(type(json.dumps(1)).__name__)
