# feature: language.fstrings.expressions
# Parenthesised lambdas and walrus work inside replacement fields.
for src in ('f"{(lambda v: v * 2)(4)}"', 'f"{(y := 5)} {y}"', 'f"{[i for i in range(3)]}"'):
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError")
