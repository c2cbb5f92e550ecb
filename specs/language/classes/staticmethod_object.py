# feature: language.classes.staticmethod
# staticmethod() applied by call; the class __dict__ holds the staticmethod object.
def helper(x):
    return x * 2

class H:
    twice = staticmethod(helper)

print(H.twice(4), H().twice(5))
print(H.twice is helper, H().twice is helper)
print(type(H.__dict__["twice"]).__name__)
