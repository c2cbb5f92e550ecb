# feature: language.functions.annotations
# Variable annotations with and without a value.
x: int = 5
y: str
print(x)
try:
    print(y)
except NameError:
    print("NameError")
def f():
    z: list = [1]
    w: int
    return z
print(f())
class C:
    a: int = 3
    b: float
print(C.a, hasattr(C, "b"))
