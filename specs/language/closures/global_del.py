# feature: language.closures.global
# del of a global through a global declaration, and globals() reflecting it.
tmp = 3
def drop():
    global tmp
    del tmp
print("tmp" in globals())
drop()
print("tmp" in globals())
try:
    tmp
except NameError:
    print("NameError")
def setit():
    globals()["via_dict"] = 9
setit()
print(via_dict)
