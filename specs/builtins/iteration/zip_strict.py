# feature: builtins.iteration.enumerate_zip
# zip(strict=True) (Python 3.10) raises ValueError when the lengths differ.
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
    print("no error")
except ValueError:
    print("ValueError")
