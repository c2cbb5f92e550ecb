# feature: types.str.case
# lower() and upper() return new strings; non-letters are untouched.
s = "Hello, World 42!"
print(s.lower(), s.upper(), s)
print(repr("".lower()), "123".upper(), "MiXeD".lower().upper())
print("ABC".upper() == "ABC", "a_b-c".upper())
t = "Keep"
t.upper()
print(t)
