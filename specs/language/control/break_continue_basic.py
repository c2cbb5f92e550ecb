# feature: language.control.break_continue
# continue skips to the next iteration; break leaves the innermost loop.
res = []
for i in range(10):
    if i % 3 == 0:
        continue
    if i > 7:
        break
    res.append(i)
print(res)
i, res = 0, []
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    res.append(i)
print(res, i)
