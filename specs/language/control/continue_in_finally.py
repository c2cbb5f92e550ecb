# feature: language.control.break_continue
# continue inside a finally clause (allowed since Python 3.8) discards the pending exception.
out = []
for i in range(3):
    try:
        if i == 1:
            raise ValueError
        out.append(i)
    finally:
        out.append("f")
        continue
print(out)
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "end"
print(g())
