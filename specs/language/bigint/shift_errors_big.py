# feature: language.bigint.shifts
# Negative shift counts raise ValueError; huge shift counts saturate right shifts and overflow left shifts.
tests = (lambda: (1 << 80) << -1, lambda: (1 << 80) >> -1,
         lambda: 1 >> (1 << 70), lambda: -1 >> (1 << 70),
         lambda: 0 << (1 << 70), lambda: 1 << (1 << 70))
for f in tests:
    try:
        print(f())
    except (OverflowError, MemoryError):
        print("too big")
    except ValueError:
        print("ValueError")
