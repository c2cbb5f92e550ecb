# feature: language.unpacking.assignment
# Tuple/list targets unpack any iterable of the right length.
a, b = 1, 2
a, b = b, a
print(a, b)
[c, d] = "xy"
e, = [9]
(f, g) = range(2)
print(c, d, e, f, g)
for src in ([1], [1, 2, 3], 5):
    try:
        p, q = src
    except ValueError:
        print("ValueError")
    except TypeError:
        print("TypeError")
