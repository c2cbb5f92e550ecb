# feature: stdlib.struct.layout
# requires: struct
# Standard sizes with '<', '>' : no padding between fields
import struct

for fmt in ("<b", "<h", "<i", "<q", "<f", "<d", "<bhiq", ">bd", "<5s2h", "<"):
    print(fmt, struct.calcsize(fmt))
