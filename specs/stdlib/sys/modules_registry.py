# feature: stdlib.sys.attributes
# requires: sys, json
# sys.modules records imported modules (CPython includes built-in ones)
import json
import sys

print(isinstance(sys.modules, dict))
print("json" in sys.modules, "sys" in sys.modules)
print(isinstance(sys.path, list), all(isinstance(p, str) for p in sys.path))
