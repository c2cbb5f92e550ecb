# feature: language.functions.annotations
# Parameter and return annotations are accepted and do not affect calls.
def f(a: int, b: "anything" = 2, *args: str, c: list = None, **kw: dict) -> float:
    return a, b, args, c, kw
print(f("not int", "x", 1, 2, c=3, k=4))
def g() -> None:
    return 5
print(g())
