# feature: stdlib.json.dumps
# requires: json, io
# json.dump writes the same text as dumps to a file-like object
import io
import json

buf = io.StringIO()
json.dump([1, "a", {"b": None}], buf)
print(buf.getvalue())
print(buf.getvalue() == json.dumps([1, "a", {"b": None}]))
buf = io.StringIO()
json.dump("x", buf)
json.dump(2, buf)
print(buf.getvalue())
