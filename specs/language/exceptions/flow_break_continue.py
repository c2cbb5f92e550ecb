# feature: language.exceptions.finally_control
# break and continue inside try still run the finally block.
log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body%d" % i)
    finally:
        log.append("fin%d" % i)
print(log)
