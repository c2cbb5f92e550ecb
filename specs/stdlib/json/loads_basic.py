# feature: stdlib.json.loads
# requires: json
# json.loads maps JSON values to Python types
import json

for text in ("null", "true", "false", "42", "-3", "1.5", '"s"', "[]", "{}"):
    v = json.loads(text)
    print(text, "->", repr(v), type(v).__name__)
d = json.loads('{"a": [1, {"b": null}], "c": "d"}')
print(sorted(d.items()))
print(json.loads(' \n [ 1 , 2 ] \t'))
