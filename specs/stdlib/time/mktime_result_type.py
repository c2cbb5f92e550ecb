# feature: stdlib.time.calendar
# requires: time
# CPython's mktime returns a float
import time

r = time.mktime(time.localtime(1000000000))
print(type(r).__name__)
