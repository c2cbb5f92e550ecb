# feature: language.exceptions.reraise
# tags: core
# A bare raise in a handler re-raises the same exception object.
seen = []

def risky():
    try:
        [][0]
    except IndexError as e:
        seen.append(e)
        raise

try:
    risky()
except IndexError as e:
    print("outer", type(e).__name__, e is seen[0])
