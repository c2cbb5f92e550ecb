# feature: language.functions.annotations
# Annotations are recorded in the function's __annotations__ dict.
def f(a: int, b: str = "x") -> bool:
    return True
def g(a, b):
    pass
try:
    print(sorted(f.__annotations__.items(), key=lambda kv: kv[0]))
    print(g.__annotations__)
except AttributeError:
    print("AttributeError")
