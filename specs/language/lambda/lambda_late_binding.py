# feature: language.lambda.basic
# lambdas look up free variables when called; a default argument freezes the value.
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])
x = 1
get = lambda: x
x = 2
print(get())
