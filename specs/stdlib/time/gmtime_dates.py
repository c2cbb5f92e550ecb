# feature: stdlib.time.calendar
# requires: time
# gmtime converts known timestamps, including a leap day
import time

for secs in (86400 * 365, 951782400, 951868800, 1234567890):
    print(secs, tuple(time.gmtime(secs))[:8])
