# feature: language.unpacking.starred
# Starred assignment errors: too few values, two stars, star alone.
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError")
for src in ("a, *b, *c = 1, 2, 3", "*a = [1, 2]", "*a, = [1, 2]"):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError:
        print("SyntaxError")
