# feature: stdlib.sys.attributes
# requires: sys
# CPython's version_info and implementation.version have named fields
import sys

for obj, name in ((sys.version_info, "major"), (sys.implementation.version, "minor")):
    print(name, hasattr(obj, name))
