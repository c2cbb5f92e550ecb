# feature: language.comprehensions.dict_set
# Set comprehensions deduplicate; {} is always a dict.
s = {x % 4 for x in range(10)}
print(type(s), sorted(s))
print(sorted({w.lower() for w in ["A", "a", "B"]}))
print(type({}), type({x for x in ()}), len({x for x in ()}))
try:
    {[x] for x in range(2)}
except TypeError:
    print("TypeError")
