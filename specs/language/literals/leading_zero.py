# feature: language.literals.numeric
# Decimal integers with leading zeros are a syntax error unless all zeros.
for src in ("00", "000", "007", "010", "0.7", "00.5", "09.5"):
    try:
        print(src, repr(eval(src)))
    except SyntaxError:
        print(src, "SyntaxError")
