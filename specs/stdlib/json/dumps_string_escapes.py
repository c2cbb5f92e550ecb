# feature: stdlib.json.dumps
# requires: json
# Control characters, quotes and backslashes are escaped in JSON strings
import json

print(json.dumps('say "hi"'))
print(json.dumps("back\\slash"))
print(json.dumps("tab\tnl\ncr\r"))
print(json.dumps("\x01\x1f"))
print(json.dumps("/ stays"))
print(len(json.dumps("a\nb")))
