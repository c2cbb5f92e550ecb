# feature: language.fstrings.expressions
# The = specifier prints the expression text, then the value (repr by default).
x, s = 7, "hi"
for src in ('f"{x=}"', 'f"{s=}"', 'f"{x + 1=}"', 'f"{x = }"', 'f"{s=!s}"', 'f"{x=:>4}"'):
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError")
