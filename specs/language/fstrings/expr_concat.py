# feature: language.fstrings.expressions
# Adjacent f-strings and plain strings concatenate; braces in plain parts stay literal.
n = 3
for src in ('f"a{n}" "b" f"c{n}"', '"{n}" f"{n}"', 'f"{n}" "{n}"',
            'f"{n}" "{n}" f"{n}"', 'f"x" "{}" rf"\\{n}"'):
    try:
        print(eval(src))
    except Exception as e:
        print(type(e))
