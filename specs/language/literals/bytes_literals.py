# feature: language.literals.bytes
# Bytes literal forms and escapes.
b = b"a\x00\xff\n\t\\"
print(list(b), len(b))
print(b'AB', b'\101', br'\x41', rb"\n")
print(type(b""), b"" == bytes())
print(b'ab' b"cd", b'''x
y''')
print(b"\x41\102C", b"\xFF" == b"\xff")
