# feature: language.classes.attributes
# Instance attributes live in the instance __dict__, class ones do not.
class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(sorted(p.__dict__.items()))
p.z = 3
print(sorted(p.__dict__))
print("kind" in p.__dict__, "kind" in P.__dict__)
print(p.__dict__["x"], p.__dict__["y"])
