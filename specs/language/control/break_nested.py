# feature: language.control.break_continue
# Breaking out of nested loops with a flag; continue in the inner loop only.
pairs = []
done = False
for a in range(4):
    for b in range(4):
        if b > a:
            continue
        if a * b == 4:
            done = True
            break
        pairs.append((a, b))
    if done:
        break
print(pairs, a, b)
