# feature: language.literals.bytes
# repr of bytes uses escapes for non-printables and chooses quotes.
print(repr(b"\x00\x1f\x7f\x80\xff"))
print(repr(b"\t\n\r"))
print(repr(b"'"), repr(b'"'), repr(b"\\"))
print(repr(b"A ~"))
print(b"ab"[0], b"ab"[1:], b"abc"[-1])
