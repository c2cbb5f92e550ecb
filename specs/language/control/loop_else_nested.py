# feature: language.control.loop_else
# break in an inner loop only affects the inner loop's else.
out = []
for i in range(3):
    for j in range(3):
        if j == i + 1:
            break
    else:
        out.append(("inner-else", i))
    out.append(("outer", i))
else:
    out.append("outer-else")
print(out)
primes = []
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
