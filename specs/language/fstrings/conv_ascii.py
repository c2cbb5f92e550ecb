# feature: language.fstrings.conversions
# !a applies ascii(), escaping non-ASCII characters.
s = "caf\u00e9"
try:
    r = eval('f"{s!a}"')
    print(r == "'caf\\xe9'", len(r))
except SyntaxError:
    print("SyntaxError")
try:
    print(eval('f"{42!a:>4}|"'))
except SyntaxError:
    print("SyntaxError")
