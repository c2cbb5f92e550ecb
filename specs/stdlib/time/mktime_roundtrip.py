# feature: stdlib.time.calendar
# requires: time
# mktime inverts localtime (whatever the local time zone is)
import time

for secs in (0 + 86400 * 2, 1000000000, 1700000000):
    back = time.mktime(time.localtime(secs))
    print(secs, int(back) == secs)
