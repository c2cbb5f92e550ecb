# feature: language.fstrings.format_spec
# Replacement fields nested inside the format spec.
w, p, a = 8, 3, ">"
x = 2.718281
print(f"[{x:{w}.{p}f}]")
print(f"[{'hi':{a}{w}}]")
print(f"[{x:{'^'}{w + 2}.{p - 1}f}]")
for width in (3, 6):
    print(f"[{'ab':>{width}}]")
