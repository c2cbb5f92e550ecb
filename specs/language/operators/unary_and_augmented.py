# feature: language.operators.arithmetic
# Unary +/-, repeated unary operators and augmented assignment operators.
x = 5
print(-x, +x, --x, -+-x, ---x)
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x /= 2; print(x)
y = True
print(y + y, -y, y * 10, type(y + 0))
