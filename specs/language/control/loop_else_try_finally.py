# feature: language.control.loop_else
# break through try/finally runs the finally and still skips else.
log = []
for i in range(3):
    try:
        if i == 1:
            break
        log.append("body%d" % i)
    finally:
        log.append("fin%d" % i)
else:
    log.append("else")
print(log)
log = []
for i in range(2):
    try:
        continue
    finally:
        log.append(i)
else:
    log.append("else")
print(log)
