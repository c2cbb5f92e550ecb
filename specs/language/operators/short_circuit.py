# feature: language.operators.boolean
# and/or evaluate the right operand only when needed.
calls = []
def t(name, val):
    calls.append(name)
    return val
r = t("a", False) and t("b", True)
print(r, calls); calls.clear()
r = t("a", True) or t("b", False)
print(r, calls); calls.clear()
r = t("a", True) and t("b", 0) or t("c", "z")
print(r, calls); calls.clear()
r = t("a", 0) or t("b", 0) or t("c", 0)
print(r, calls); calls.clear()
d = {}
print(("k" in d and d["k"]) or "missing")
