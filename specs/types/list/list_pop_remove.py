# feature: types.list.methods
# pop() removes by index (default last); remove() removes the first equal item.
a = [10, 20, 30, 20, 40]
print(a.pop(), a.pop(0), a.pop(-2), a)
a = [1, 2, 3, 2]
a.remove(2)
print(a)
for f, arg in ((a.pop, 10), (a.remove, 9), ([].pop, None)):
    try:
        f() if arg is None else f(arg)
    except (IndexError, ValueError) as e:
        print(type(e))
