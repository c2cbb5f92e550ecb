# feature: stdlib.sys.exit
# requires: sys
# An uncaught sys.exit(3) ends the program with exit status 3 after earlier output
import sys

print("before exit")
sys.exit(3)
print("after exit")
