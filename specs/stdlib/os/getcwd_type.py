# feature: stdlib.os.filesystem
# requires: os
# getcwd() returns a non-empty str; chdir('.') leaves it unchanged
import os

cwd = os.getcwd()
print(type(cwd).__name__, len(cwd) > 0)
os.chdir(".")
print(os.getcwd() == cwd)
print(type(os.sep).__name__, os.sep in ("/", "\\"))
