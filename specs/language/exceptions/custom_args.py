# feature: language.exceptions.custom
# Exception args hold the constructor arguments; str() depends on how many.
class Fail(Exception):
    pass

print(Fail().args, repr(str(Fail())))
print(Fail("one").args, str(Fail("one")))
print(Fail("a", 2).args, str(Fail("a", 2)))
print(Fail(5).args[0] + 1)
try:
    raise Fail("x", "y")
except Fail as e:
    code, detail = e.args
    print(code, detail)
