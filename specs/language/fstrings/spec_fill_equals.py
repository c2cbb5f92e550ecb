# feature: language.fstrings.format_spec
# '=' alignment (pad after sign) and '=' or '{' used as fill characters.
print(f"[{-42:=6}][{42:=+6}][{-3.5:=8.2f}]")
for spec in ("=^9", "=<5", "0=5", "*=5"):
    try:
        print(spec, f"{7:{spec}}")
    except ValueError:
        print(spec, "ValueError")
