# feature: language.del.items_attrs
# del with a stepped slice removes every n-th element.
nums = list(range(10))
try:
    del nums[::2]
    print(nums)
    del nums[::-2]
    print(nums)
except Exception as e:
    print(type(e).__name__, nums)
