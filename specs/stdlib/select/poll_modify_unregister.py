# feature: stdlib.select.poll
# requires: select, os
# modify changes the event mask of a registered object; unregister drops it
import os
import select

name = "select_spec_mod.tmp"
with open(name, "w") as f:
    f.write("x")
f = open(name)
p = select.poll()
p.register(f, select.POLLIN)
print([ev for _, ev in p.poll(0)] == [select.POLLIN])
p.modify(f, select.POLLOUT)
print([ev for _, ev in p.poll(0)] == [select.POLLOUT])
p.unregister(f)
print(p.poll(0))
f.close()
os.remove(name)
