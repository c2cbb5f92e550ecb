# feature: language.descriptors.set_name
# One object bound to two names gets __set_name__ twice; the last call wins.
calls = []

class Tag:
    def __set_name__(self, owner, name):
        calls.append(name)
        self.name = name

t = Tag()

class Pair:
    first = t
    second = t

print(calls, t.name)
