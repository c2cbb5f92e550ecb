# feature: micropython.micropython.runtime
# requires: micropython
# mem_info and qstr_info exist (their output is raw numbers, so they are not called)
import micropython

print(callable(micropython.mem_info), callable(micropython.qstr_info))
print(callable(micropython.stack_use), callable(micropython.opt_level))
