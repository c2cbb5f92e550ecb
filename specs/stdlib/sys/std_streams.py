# feature: stdlib.sys.attributes
# requires: sys
# sys.stdout.write returns the count written; print writes to sys.stdout
import sys

n = sys.stdout.write("written\n")
print(n)
print(hasattr(sys.stdin, "read"), hasattr(sys.stderr, "write"))
print("via print", file=sys.stdout)
print(sys.stderr.write("") == 0)
