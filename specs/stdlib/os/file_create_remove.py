# feature: stdlib.os.filesystem
# requires: os
# A new file shows up in listdir with its size in stat; remove() deletes it
import os

name = "os_spec_create.tmp"
with open(name, "w") as f:
    f.write("12345")
print(name in os.listdir())
print(os.stat(name)[6])
os.remove(name)
print(name in os.listdir())
