# feature: stdlib.json.dumps
# requires: json
# Lists, tuples and dicts nest; tuples become JSON arrays; keys are strings
import json

print(json.dumps([]))
print(json.dumps({}))
print(json.dumps([1, [2, [3, []]]]))
print(json.dumps((1, "two", (3,))))
print(json.dumps({"k": [None, {"inner": True}]}))
# int keys are turned into strings
print(json.dumps({7: "seven"}))
# multi-key dict: compare after a round trip to avoid order issues
d = {"x": 1, "y": [2, 3], "z": "w"}
print(json.loads(json.dumps(d)) == d)
