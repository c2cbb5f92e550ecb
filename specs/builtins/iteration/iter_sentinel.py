# feature: builtins.iteration.iter_next
# iter(callable, sentinel) calls the callable until it returns the sentinel.
stack = [0, 1, 2, 3, 4]
print(list(iter(stack.pop, 1)))
print(stack)
n = [0]
def tick():
    n[0] += 1
    return n[0]
print(list(iter(tick, 4)))
