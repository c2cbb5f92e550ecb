# feature: stdlib.select.poll
# requires: select, os
# CPython's poll() reports file descriptors (ints), not the registered objects
import os
import select

name = "select_spec_obj.tmp"
with open(name, "w") as f:
    f.write("x")
f = open(name)
p = select.poll()
p.register(f, select.POLLIN)
obj, ev = p.poll(0)[0]
print(type(obj).__name__, obj is f)
f.close()
os.remove(name)
