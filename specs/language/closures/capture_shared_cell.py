# feature: language.closures.capture
# Closures created in the same call share the captured variable.
def pair():
    v = []
    def put(x):
        v.append(x)
    def get():
        return list(v)
    return put, get
put, get = pair()
put(1); put(2)
put2, get2 = pair()
put2("x")
print(get(), get2())
