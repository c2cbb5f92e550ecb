# feature: stdlib.os.filesystem
# requires: os
# listdir() and listdir('.') list the current directory as a list of str
import os

a = os.listdir()
b = os.listdir(".")
print(isinstance(a, list), sorted(a) == sorted(b))
print(all(isinstance(n, str) for n in a))
print("." in a, ".." in a)
