# feature: language.exceptions.reraise
# A caught exception object can be stored and raised again later.
saved = []
for v in ("a", "1", "b"):
    try:
        int(v)
    except ValueError as e:
        saved.append(e)
print(len(saved))
for e in saved:
    try:
        raise e
    except ValueError as again:
        print(again is e)
