# feature: stdlib.select.poll
# requires: select, os
# Unregistering an object that was never registered raises KeyError
import os
import select

name = "select_spec_unreg.tmp"
with open(name, "w") as f:
    f.write("x")
f = open(name)
try:
    select.poll().unregister(f)
    print("no error")
except KeyError:
    print("KeyError")
f.close()
os.remove(name)
