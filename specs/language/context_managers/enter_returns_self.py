# feature: language.context_managers.protocol
# The `as` target gets __enter__'s return value, not the manager itself.
class Mgr:
    def __init__(self, ret_self):
        self.ret_self = ret_self

    def __enter__(self):
        return self if self.ret_self else 123

    def __exit__(self, *args):
        pass

m1 = Mgr(True)
with m1 as a:
    print(a is m1)
with Mgr(False) as b:
    print(b)
with Mgr(False):
    print("no target")
with Mgr(False) as (c):
    print(c + 1)
