# feature: language.lambda.basic
# A lambda body cannot contain statements; conditional expressions and nested lambdas are allowed.
for src in ("lambda: return 1", "lambda: x = 1", "lambda: (yield)",
            "lambda x: x if x else -x", "lambda: lambda: 3"):
    try:
        eval(src)
        print("ok")
    except SyntaxError:
        print("SyntaxError")
adder = lambda a: lambda b: a + b
print(adder(3)(4), (lambda: (lambda: 7))()())
