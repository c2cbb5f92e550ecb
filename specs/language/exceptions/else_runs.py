# feature: language.exceptions.else_finally
# tags: core
# else runs only if the try body raised nothing; finally always runs.
def go(x):
    out = []
    try:
        out.append(10 // x)
    except ZeroDivisionError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out

print(go(2))
print(go(0))
