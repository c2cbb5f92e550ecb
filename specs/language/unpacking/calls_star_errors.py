# feature: language.unpacking.calls
# Non-iterables after * and non-mappings or non-str keys after ** raise TypeError.
def f(*a, **k):
    return len(a) + len(k)
for call in (lambda: f(*5), lambda: f(**[1]), lambda: f(**{1: 2}),
             lambda: f(*None), lambda: f(*"", **{})):
    try:
        print(call())
    except Exception as e:
        print(type(e))
