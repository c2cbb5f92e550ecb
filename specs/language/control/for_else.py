# feature: language.control.loop_else
# for/else: else runs after normal exhaustion, including empty iterables.
def first_even(seq):
    for x in seq:
        if x % 2 == 0:
            r = x
            break
    else:
        r = None
    return r
print(first_even([1, 3, 4, 6]), first_even([1, 3]), first_even([]))
for c in "ab":
    continue
else:
    print("else after continue-only loop", c)
