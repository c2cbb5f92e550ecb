# feature: language.exceptions.finally_control
# A return in finally overrides the try's return and discards a pending exception.
def override():
    try:
        return "try"
    finally:
        return "finally"

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(override())
print(swallow())
