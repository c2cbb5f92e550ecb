# feature: language.lambda.basic
# lambda creates an anonymous function whose body is a single expression.
sq = lambda x: x * x
print(sq(5), (lambda: 42)(), (lambda a, b: a - b)(10, 3))
print(type(sq))
def named(x):
    return x * x
print(callable(sq), sq(3) == named(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(sq.__name__)
