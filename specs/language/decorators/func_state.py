# feature: language.decorators.function
# A wrapper can keep state in its closure, e.g. counting calls or caching.
def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            misses.append(n)
            cache[n] = fn(n)
        return cache[n]
    return wrapper

def counted(fn):
    count = 0

    def wrapper(*a):
        nonlocal count
        count += 1
        return fn(*a), count
    return wrapper

@counted
def sq(x):
    return x * x

print(sq(3), sq(4), sq(5))
misses = []

@memo
def cube(n):
    return n ** 3

print(cube(3), cube(4), cube(3), cube(3))
print(sorted(misses))
