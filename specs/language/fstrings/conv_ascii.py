# feature: language.fstrings.conversions
# !a applies ascii(), escaping non-ASCII characters.
for src in ('f"{s!a}"', 'f"{s!r}"'):
    s = "caf\u00e9"
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError")
