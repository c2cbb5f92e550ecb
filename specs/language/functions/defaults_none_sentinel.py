# feature: language.functions.defaults
# The None-sentinel idiom gives a fresh object per call; defaults may reference earlier globals and expressions.
def add(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into
print(add(1), add(2))
BASE = 3
def scale(x, k=BASE * 2, label="k=" + str(BASE * 2)):
    return x * k, label
print(scale(2), scale(2, 1))
def first(seq, default=(lambda: "none")()):
    return seq[0] if seq else default
print(first([]), first("ab"))
