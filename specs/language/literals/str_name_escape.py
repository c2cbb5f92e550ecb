# feature: language.literals.string
# \N{name} unicode name escapes (compiled via eval so failure is observable).
try:
    s = eval(r'"\N{LATIN SMALL LETTER A}\N{DIGIT ONE}"')
    print(s, len(s))
except Exception as e:
    print(type(e))
print(len(r"\N{X}"))
