# feature: language.fstrings.expressions
# Adjacent f-strings and plain strings concatenate; braces in plain parts stay literal.
n = 3
print(f"a{n}" "b" f"c{n}")
print("{n}" f"{n}")
print(f"{n}" "{n}")
print(f"{n}" "{n}" f"{n}")
print(f"x" "{}" rf"\{n}")
