# feature: language.comprehensions.dict_set
# Set comprehensions deduplicate; {} is always a dict.
s = {x % 4 for x in range(10)}
print(type(s).__name__, sorted(s))
print(sorted({w.lower() for w in ["A", "a", "B"]}))
print(type({}).__name__, type({x for x in ()}).__name__, len({x for x in ()}))
try:
    {[x] for x in range(2)}
except TypeError:
    print("TypeError")
