# feature: language.exceptions.finally_control
# A break or continue in finally discards the in-flight exception.
count = 0
for i in range(3):
    try:
        raise RuntimeError(i)
    finally:
        count += 1
        break
print("after loop", count)

seen = []
for i in range(3):
    try:
        raise KeyError(i)
    finally:
        seen.append(i)
        continue
print(seen)
