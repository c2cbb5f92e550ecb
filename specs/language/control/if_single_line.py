# feature: language.control.if_elif
# Single-line suites, nested ifs and pass bodies.
x = 7
if x > 5: print("gt5"); print("same line")
if x: pass
else: print("unreached")
if x > 0:
    if x % 2:
        print("odd positive")
    else:
        print("even positive")
elif x: print("negative")
if not x: print("zero")
else: print("nonzero")
