# feature: micropython.gc.control
# requires: gc
# isenabled() reflects enable() and disable()
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
