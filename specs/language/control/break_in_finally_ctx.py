# feature: language.control.break_continue
# break and continue inside try/except and with blocks.
class Ctx:
    def __enter__(self):
        log.append("enter")
    def __exit__(self, *a):
        log.append("exit")
log = []
for i in range(3):
    with Ctx():
        if i == 0:
            continue
        if i == 1:
            break
log.append("after")
print(log)
n = 0
for i in range(5):
    try:
        if i == 3:
            raise ValueError
        continue
    except ValueError:
        n += 100
        break
print(n, i)
