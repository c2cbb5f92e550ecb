# feature: language.inheritance.multiple
# Diamond: C3 MRO looks at the sibling base before the shared grandparent.
class Top:
    def who(self):
        return "Top"

class Left(Top):
    pass

class Right(Top):
    def who(self):
        return "Right"

class Bottom(Left, Right):
    pass

print(Bottom().who())
