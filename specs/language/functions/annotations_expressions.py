# feature: language.functions.annotations
# Annotation expressions are evaluated at def time (no PEP 563).
log = []
def ann(tag):
    log.append(tag)
    return tag
def f(x: ann("x"), y: ann("y") = 1) -> ann("ret"):
    return x + y
print(sorted(log), f(1))
