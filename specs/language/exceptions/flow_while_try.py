# feature: language.exceptions.finally_control
# Retry loop: while True with try/except/else and break on success.
attempts = []
data = iter([ValueError, KeyError, None])

while True:
    exc = next(data)
    try:
        if exc:
            raise exc("fail")
    except (ValueError, KeyError) as e:
        attempts.append(type(e).__name__)
    else:
        attempts.append("ok")
        break
    finally:
        attempts.append("tried")
print(attempts)
