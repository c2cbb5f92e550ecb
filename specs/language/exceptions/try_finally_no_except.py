# feature: language.exceptions.else_finally
# try/finally without except, and try/except/else without finally.
def a(fail):
    r = []
    try:
        if fail:
            raise RuntimeError
        r.append("body")
    except RuntimeError:
        r.append("except")
    else:
        r.append("else")
    return r

def b():
    r = []
    try:
        r.append("body")
    finally:
        r.append("finally")
    return r

print(a(False), a(True), b())
