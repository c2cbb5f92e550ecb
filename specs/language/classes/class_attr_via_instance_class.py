# feature: language.classes.attributes
# Modifying through type(obj) or __class__ changes the class attribute.
class Cfg:
    level = 1

c = Cfg()
print(type(c) is Cfg, c.__class__ is Cfg)
type(c).level += 1
print(Cfg.level, c.level)
c.__class__.level = 10
print(Cfg.level)
c.level += 1
print(c.level, Cfg.level)
Cfg.extra = "added"
print(c.extra)
