# feature: types.set.methods
# update, intersection_update, difference_update and symmetric_difference_update
# mutate in place and return None.
s = {1, 2, 3}
print(s.update([4], (5,)), sorted(s))
s.intersection_update(range(2, 10))
print(sorted(s))
s.difference_update({5}, [9])
print(sorted(s))
s.symmetric_difference_update([2, 8])
print(sorted(s))
