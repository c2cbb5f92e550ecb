# feature: language.exceptions.finally_control
# A try inside a loop handles each iteration's error and keeps looping.
results = []
for s in ["1", "x", "3", "", "5"]:
    try:
        n = int(s)
    except ValueError:
        results.append("bad")
        continue
    else:
        results.append(n * 10)
    finally:
        results.append("|")
print(results)
