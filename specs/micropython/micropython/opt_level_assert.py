# feature: micropython.micropython.runtime
# requires: micropython
# From opt_level 1, newly compiled code drops assert statements and sees __debug__ False
import micropython

for level in (0, 1, 2, 3):
    micropython.opt_level(level)
    try:
        exec("assert False")
        outcome = "assert skipped"
    except AssertionError:
        outcome = "AssertionError"
    scope = {}
    exec("d = __debug__", scope)
    print(level, outcome, scope["d"])
micropython.opt_level(0)
