# feature: language.comprehensions.list
# Element expression and conditions are evaluated per item, in order.
log = []
def t(tag, v):
    log.append(tag)
    return v
r = [t("e%d" % x, x) for x in range(4) if t("c%d" % x, x % 2)]
print(r)
print(log)
