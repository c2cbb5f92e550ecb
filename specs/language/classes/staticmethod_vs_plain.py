# feature: language.classes.staticmethod
# Without @staticmethod, calling through an instance passes self.
class T:
    def plain(*args):
        return len(args)

    @staticmethod
    def static(*args):
        return len(args)

t = T()
print(t.plain(), t.static())
print(T.plain(), T.static())
print(t.plain(1, 2), t.static(1, 2))
