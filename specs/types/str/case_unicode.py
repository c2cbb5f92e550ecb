# feature: types.str.case
# Case mapping and predicates cover non-ASCII letters, not only A-Z.
print("\u00e9t\u00e9".upper() == "\u00c9T\u00c9")
print("\u0391\u0392\u0393".lower() == "\u03b1\u03b2\u03b3")
print("stra\u00dfe".upper() == "STRASSE")
print("\u00e9".isalpha(), "\u00c9".isupper(), "\u03c9".islower())
