# feature: stdlib.sys.attributes
# requires: sys
# sys.implementation names the interpreter and carries a version
import sys

impl = sys.implementation
print(isinstance(impl.name, str), impl.name == impl.name.lower())
print(impl.name in ("cpython", "micropython"))
v = impl.version
print(len(v) >= 3, all(isinstance(x, int) for x in v[:3]))
print(sys.version_info[0], sys.version_info >= (3, 0), sys.version_info < (4,))
print(isinstance(sys.version, str))
