# feature: builtins.numeric.pow
# pow() error cases: zero modulus, float with modulus, zero to a negative power.
def attempt(*args):
    try:
        print(pow(*args))
    except Exception as e:
        print(type(e))
attempt(2, 3, 0)
attempt(2.0, 3, 5)
attempt(2, 3.0, 5)
attempt(0, -1)
attempt(0.0, -2)
attempt("2", 2)
