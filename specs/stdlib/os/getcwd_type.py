# feature: stdlib.os.filesystem
# requires: os
# getcwd() returns a non-empty str; chdir('.') leaves it unchanged
import os

cwd = os.getcwd()
print(isinstance(cwd, str), len(cwd) > 0)
os.chdir(".")
print(os.getcwd() == cwd)
print(isinstance(os.sep, str), os.sep in ("/", "\\"))
