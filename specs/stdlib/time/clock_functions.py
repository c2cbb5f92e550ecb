# feature: stdlib.time.clock
# requires: time
# CPython's monotonic and perf counters versus MicroPython's ticks_* functions
import time

for name in ("monotonic", "perf_counter", "strftime", "ticks_ms", "ticks_diff", "sleep_ms"):
    print(name, hasattr(time, name))
