# feature: language.special_methods.call
# Calling an instance without __call__ raises TypeError; adding it to the class fixes that.
class Thing:
    pass

t = Thing()
print(callable(t))
try:
    t()
except TypeError:
    print("TypeError")
Thing.__call__ = lambda self, x: x * 2
print(callable(t), t(21))
