# feature: language.literals.bytes
# Triple-quoted and line-continued bytes literals.
x = b"""ab
cd"""
print(x, len(x))
y = b'12\
34'
print(y)
z = (b"p"
     b"q")
print(z, z[0])
print(bytes(b"\x01\x02") == b"\1\2")
