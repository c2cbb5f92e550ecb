# feature: stdlib.os.filesystem
# requires: os
# rename moves a file to a new name, keeping its content
import os

old, new = "os_spec_old.tmp", "os_spec_new.tmp"
with open(old, "w") as f:
    f.write("kept")
os.rename(old, new)
print(old in os.listdir(), new in os.listdir())
with open(new) as f:
    print(f.read())
print(os.stat(new)[0] & 0o170000 == 0o100000)
os.remove(new)
