# feature: language.functions.keyword_only
# A keyword-only name is matched first; other keywords go to **kwargs.
def f(*, name, **rest):
    return name, sorted(rest)
print(f(name=1, other=2))
print(f(**{"name": "n", "z": 0, "a": 1}))
try:
    f(other=2)
except TypeError:
    print("TypeError")
