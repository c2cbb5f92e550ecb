# feature: stdlib.json.dumps
# requires: json
# json.dumps of scalars, and the escaping of quotes, backslashes and control characters
import json

for v in (None, True, False, 0, -17, 2**40, 2.5, -0.25, "", "abc"):
    print(repr(v), "->", json.dumps(v))
print(type(json.dumps(1)).__name__)
print(json.dumps('say "hi"'), json.dumps("back\\slash"))
print(json.dumps("tab\tnl\ncr\r"), json.dumps("\x01\x1f"), json.dumps("/"))
