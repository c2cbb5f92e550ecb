# feature: types.str.percent
# %(name)s takes values from a mapping; a key may be used more than once.
data = {"who": "Bo", "n": 3}
print("%(who)s x%(n)d, %(who)s again" % data)
print("%(n)05d|%(who)-4s|" % data)
try:
    print("%(missing)s" % data)
except KeyError:
    print("KeyError")
