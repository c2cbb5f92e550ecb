# feature: stdlib.os.filesystem
# requires: os
# mkdir creates a directory (stat mode has the directory bit); rmdir removes it
import os

name = "os_spec_dir.tmp"
os.mkdir(name)
print(name in os.listdir())
mode = os.stat(name)[0]
print(mode & 0o170000 == 0o040000)
print(os.listdir(name))
os.rmdir(name)
print(name in os.listdir())
