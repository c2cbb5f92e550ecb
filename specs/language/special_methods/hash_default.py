# feature: language.special_methods.hash
# Plain objects hash by identity: stable for one object, usable as keys.
class Plain:
    pass

p, q = Plain(), Plain()
print(hash(p) == hash(p))
print(isinstance(hash(p), int))
d = {p: "p", q: "q"}
print(d[p], d[q], len(d))
print(len({p, p, q}))
