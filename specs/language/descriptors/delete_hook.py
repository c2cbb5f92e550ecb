# feature: language.descriptors.get_set
# __delete__ runs for `del obj.attr` on a descriptor-managed attribute.
log = []

class Tracked:
    def __get__(self, inst, owner):
        log.append("get")
        return 42

    def __set__(self, inst, value):
        log.append("set %r" % value)

    def __delete__(self, inst):
        log.append("delete")

class Host:
    attr = Tracked()

h = Host()
h.attr = 1
v = h.attr
del h.attr
print(v, log)
