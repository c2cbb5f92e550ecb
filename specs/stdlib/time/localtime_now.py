# feature: stdlib.time.calendar
# requires: time
# localtime() with no argument describes the present moment
import time

t = time.localtime()
print(len(t), t[0] >= 2020, 1 <= t[1] <= 12, 1 <= t[2] <= 31)
print(0 <= t[3] < 24, 0 <= t[6] <= 6, 1 <= t[7] <= 366)
