# feature: builtins.aggregate.sum_all_any
# all() stops at the first false item, any() at the first true item.
def items(seq):
    for x in seq:
        print("check", x)
        yield x
print(all(items([1, 0, 2])))
print(any(items([0, 5, 6])))
it = iter([1, 0, 7, 8])
print(all(it), list(it))
