# feature: builtins.conversion.bin_hex_oct
# bin/hex/oct reject floats, strings and None with TypeError
# (they only take ints or objects with __index__).
funcs = (("bin", bin), ("hex", hex), ("oct", oct))
for bad in (1.0, "1", None):
    for name, f in funcs:
        try:
            f(bad)
            print("accepted", name, type(bad))
        except Exception as e:
            print(type(e), name, type(bad))
