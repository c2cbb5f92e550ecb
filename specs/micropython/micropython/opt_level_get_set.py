# feature: micropython.micropython.runtime
# requires: micropython
# opt_level() reads the optimisation level (0 by default) and opt_level(n) sets it
import micropython

print(micropython.opt_level())
for level in (3, 1, 2, 0):
    print(micropython.opt_level(level), micropython.opt_level())
