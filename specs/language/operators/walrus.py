# feature: language.operators.precedence
# Assignment expression (:=) has the lowest precedence and needs parentheses in many places.
if (n := 3 + 4) > 5:
    print("n", n)
print((y := 2) * 3, y)
data = [1, 2, 3, 4]
print([sq for x in data if (sq := x * x) > 4], sq)
print((z := 1 < 2), z)
i = 0
while (i := i + 1) < 4:
    print("i", i)
