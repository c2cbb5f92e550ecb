# feature: language.bigint.arithmetic
# Big ints compare, hash-equal, convert to str/float and parse from strings.
n = int("123456789012345678901234567890")
print(n, str(n) == "123456789012345678901234567890", len(str(2 ** 256)))
print(n > 2 ** 64, -n < -(2 ** 64), n == n + 0, hash(2 ** 80) == hash(2 ** 80))
print(int("-" + "9" * 30) + 10 ** 30)
print(float(2 ** 80) == 2.0 ** 80, int(float(2 ** 53)), int(1e20))
print(int("ff" * 10, 16), int("1" * 70, 2) == 2 ** 70 - 1)
