# feature: language.fstrings.conversions
# Unknown conversion characters are a SyntaxError; conversion must precede the spec.
v = 1
for src in ('f"{v!x}"', 'f"{v!}"', 'f"{v:>3!r}"', 'f"{v!r:>3}"'):
    try:
        print(repr(eval(src)))
    except SyntaxError:
        print("SyntaxError")
    except ValueError:
        print("ValueError")
