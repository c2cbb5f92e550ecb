# feature: language.functions.defaults
# Defaults are evaluated once at def time; mutable defaults are shared.
def app(x, acc=[]):
    acc.append(x)
    return acc
print(app(1), app(2), app(3, []), app(4))
n = 10
def g(v=n):
    return v
n = 20
print(g())
calls = []
def mk():
    calls.append(1)
    return 0
def h(a=mk(), b=mk()):
    return a + b
h(); h()
print(len(calls))
