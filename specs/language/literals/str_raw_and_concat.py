# feature: language.literals.string
# Raw strings, triple quotes and implicit concatenation of adjacent literals.
print(r"a\nb", len(r"a\nb"), r"\x41")
print(r'\t' == '\\t')
t = """one
two"""
print(t.split("\n"))
print('''it's "q"''')
c = "ab" 'cd' """ef"""
print(c)
print(("x"
       "y"), "a" r"\n")
