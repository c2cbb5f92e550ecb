# feature: micropython.const.const
# requires: micropython
# const() of an expression not known at compile time is a SyntaxError
for src in ("A = const(len('abc'))", "B = const(undefined_name)"):
    try:
        exec("from micropython import const\n" + src)
        print(src, "compiled")
    except SyntaxError:
        print(src, "SyntaxError")
