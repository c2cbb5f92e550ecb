# feature: language.functions.keyword_args
# Arguments may be passed by name in any order after positionals.
def f(a, b, c=0):
    return "a=%s b=%s c=%s" % (a, b, c)
print(f(1, 2))
print(f(b=1, a=2))
print(f(1, c=5, b=3))
print(f(c=9, b=8, a=7))
