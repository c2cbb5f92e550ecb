# feature: language.classes.classmethod
# Assigning through cls in a subclass creates a separate attribute on the subclass.
class Base:
    hits = 0

    @classmethod
    def hit(cls):
        cls.hits += 1
        return cls.hits

class Sub(Base):
    pass

Base.hit()
Base.hit()
Sub.hit()
print(Base.hits, Sub.hits)
print("hits" in Sub.__dict__)
Sub.hit()
print(Base.hits, Sub.hits)
