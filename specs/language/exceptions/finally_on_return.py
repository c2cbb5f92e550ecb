# feature: language.exceptions.else_finally
# finally runs when the try block returns, before the caller gets the value.
log = []

def f():
    try:
        log.append("try")
        return "value"
    finally:
        log.append("finally")

r = f()
print(r, log)

def g():
    x = 1
    try:
        return x
    finally:
        x = 99
        log.append(x)

print(g(), log)
