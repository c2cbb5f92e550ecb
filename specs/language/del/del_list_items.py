# feature: language.del.items_attrs
# tags: core
# del on list indexes and slices removes elements in place.
nums = list(range(10))
del nums[0]
del nums[-1]
print(nums)
del nums[2:4]
print(nums)
del nums[5:100]
print(nums)
del nums[:]
print(nums)
try:
    del nums[0]
except IndexError:
    print("IndexError")
