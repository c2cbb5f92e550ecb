# feature: stdlib.select.poll
# requires: select, os
# A regular file is always ready; the default mask is POLLIN | POLLOUT
import os
import select

name = "select_spec_file.tmp"
with open(name, "w") as f:
    f.write("x")
f = open(name)
p = select.poll()
p.register(f)
events = [ev for obj, ev in p.poll(0)]
print(len(events), events[0] == select.POLLIN | select.POLLOUT)
f.close()
os.remove(name)
