# feature: builtins.aggregate.min_max
# default= is returned for an empty iterable; without it ValueError is raised.
print(min([], default="none"), max((), default=0))
print(max([], key=len, default=None))
print(min([4, 2], default=99))
try:
    max([])
except ValueError:
    print("ValueError")
try:
    min(iter(()))
except ValueError:
    print("ValueError iter")
