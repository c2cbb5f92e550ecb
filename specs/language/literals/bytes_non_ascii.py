# feature: language.literals.bytes
# Bytes literals accept only ASCII characters; \u is not an escape in bytes.
try:
    eval('b"\u00e9"')
    print("accepted")
except SyntaxError:
    print("SyntaxError")
print(list(b"\u0041"), len(b"\u0041"))
print(list(b"\x7f\x80"))
