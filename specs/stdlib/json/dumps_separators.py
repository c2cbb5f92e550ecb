# feature: stdlib.json.dumps
# requires: json
# The separators argument controls item and key separators
import json

print(json.dumps([1, 2, 3], separators=(",", ":")))
print(json.dumps({"a": [1, 2]}, separators=(",", ":")))
print(json.dumps([1, {"b": 2}], separators=(";", "=")))
print(json.dumps({"a": 1}, separators=(", ", ": ")))
# default separators
print(json.dumps([1, {"b": 2}]))
