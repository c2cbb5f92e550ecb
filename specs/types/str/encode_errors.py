# feature: types.str.slicing_encode
# Invalid UTF-8 raises UnicodeDecodeError (a subclass of UnicodeError and
# ValueError); non-ASCII text cannot be encoded as ASCII.
try:
    b"\xff\xfe".decode()
except UnicodeError as e:
    print(type(e), isinstance(e, ValueError))
try:
    print("\u00e9".encode("ascii"))
except UnicodeError as e:
    print(type(e))
