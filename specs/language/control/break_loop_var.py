# feature: language.control.break_continue
# The loop variable keeps its last value after break, after exhaustion, and is unbound for empty loops.
for i in range(100):
    if i * i > 50:
        break
print(i)
for j in range(4):
    pass
print(j)
for k in []:
    pass
try:
    print(k)
except NameError:
    print("NameError")
