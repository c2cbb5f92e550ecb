# feature: stdlib.json.loads
# requires: json, io
# json.load reads a whole document from a file-like object; bytes input to loads
import io
import json

print(json.load(io.StringIO('{"k": [1, 2, 3]}')))
print(json.load(io.StringIO("  7  ")))
print(json.loads(b'["from", "bytes"]'))
obj = {"n": [True, None]}
print(json.load(io.StringIO(json.dumps(obj))) == obj)
