# feature: stdlib.sys.attributes
# requires: sys, json
# sys.modules records imported modules (CPython includes built-in ones)
import json
import sys

print(type(sys.modules).__name__)
print("json" in sys.modules, "sys" in sys.modules)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
