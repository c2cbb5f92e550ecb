# feature: language.generators.yield
# yield inside loops and try/finally; finally runs when the generator completes.
def g(n):
    try:
        for i in range(n):
            if i % 2:
                continue
            yield i
    finally:
        print("finally", n)
print(list(g(5)))
def inf():
    i = 0
    while True:
        yield i
        i += 1
it = inf()
print([next(it) for _ in range(5)])
