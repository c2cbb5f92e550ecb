# feature: language.comprehensions.dict_set
# In a dict comprehension the key is evaluated before the value (Python 3.8+).
log = []
def k(x):
    log.append("k%d" % x)
    return x
def v(x):
    log.append("v%d" % x)
    return x
d = {k(i): v(i) for i in range(2)}
print(log)
