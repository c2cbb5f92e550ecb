# feature: language.del.items_attrs
# del calls __delitem__ and __delattr__ on user classes.
log = []

class Store:
    def __delitem__(self, key):
        log.append("delitem %r" % (key,))

    def __delattr__(self, name):
        log.append("delattr " + name)

s = Store()
del s[3]
del s["k"], s[1:2]
del s.anything
print(log)
