# feature: stdlib.json.loads
# requires: json
# Inputs strict JSON rejects: trailing comma, missing colon, leading zeros
import json

for text in ("[1,]", '{"a" 1}', "01", "[1 2]", "{1: 2}"):
    try:
        print(repr(text), "->", json.loads(text))
    except ValueError:
        print(repr(text), "ValueError")
