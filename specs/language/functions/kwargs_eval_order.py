# feature: language.functions.keyword_args
# Call arguments are evaluated left to right, positional and keyword alike.
order = []
def v(tag):
    order.append(tag)
    return tag
def f(*a, **k):
    return len(a), sorted(k)
print(f(v(1), v(2), x=v(3), y=v(4)))
print(order)
order.clear()
print(f(v("p"), *[v("s")], k=v("k"), **{"m": v("m")}))
print(order)
