# feature: types.str.search_replace
# The `in` operator tests for substrings; non-str operands raise TypeError.
print("ell" in "hello", "hello" in "ell", "" in "", "Hell" in "hello")
print("x" not in "abc")
try:
    print(1 in "abc")
except TypeError:
    print("TypeError")
