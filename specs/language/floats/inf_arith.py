# feature: language.floats.special
# Infinity arithmetic and comparisons.
inf = float("inf")
print(inf, -inf, inf + 1, inf * -2, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf == inf - inf)
print(inf * 0 != inf * 0, inf / inf != inf / inf)
print(float("-Infinity"), float("INF"), float("+inf") == inf)
print(2 ** 1000 < inf, inf > 10 ** 400)
