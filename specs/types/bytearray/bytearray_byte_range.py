# feature: types.bytearray.mutation
# Values outside 0..255 are rejected with ValueError on every write path.
ba = bytearray(b"ab")
def item():
    ba[0] = 256
def append():
    ba.append(-1)
def construct():
    return bytearray([300])
for f in (item, append, construct):
    try:
        f()
        print("accepted", ba)
    except ValueError:
        print("ValueError")
