# feature: language.fstrings.expressions
# Expressions are evaluated left to right, once each, at run time.
calls = []
def v(n):
    calls.append(n)
    return n
s = f"{v(1)}-{v(2)}-{v(1)}"
print(s, calls)
tpl = f"""{
    v(3)
    +
    v(4)
}"""
print(tpl, calls)
for i in range(2):
    print(f"loop {i}")
