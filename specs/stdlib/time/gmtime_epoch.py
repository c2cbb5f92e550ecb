# feature: stdlib.time.calendar
# requires: time
# gmtime(0) is 1970-01-01 00:00:00, a Thursday (weekday 3), day 1 of the year
import time

t = time.gmtime(0)
print(len(t))
print(tuple(t)[:8])
print(t[0], t[1], t[2], t[6], t[7])
