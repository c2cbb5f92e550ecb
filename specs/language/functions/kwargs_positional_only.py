# feature: language.functions.keyword_args
# Positional-only parameters (/) reject keywords; the name can then go to **kwargs.
src = '''
def f(a, b, /, c, *, d=0):
    return (a, b, c, d)
def g(a, /, **kw):
    return a, sorted(kw.items())
'''
try:
    exec(src)
    print(f(1, 2, 3), f(1, 2, c=3, d=4))
    try:
        f(1, b=2, c=3)
    except TypeError:
        print("TypeError")
    print(g(1, a=2))
except SyntaxError:
    print("SyntaxError")
