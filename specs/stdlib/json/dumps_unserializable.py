# feature: stdlib.json.dumps
# requires: json
# Objects with no JSON form raise TypeError
import json


class Thing:
    pass


for v in (set(), Thing(), b"bytes", 1j):
    try:
        json.dumps(v)
        print(type(v).__name__, "serialized")
    except TypeError:
        print(type(v).__name__, "TypeError")
