# feature: language.exceptions.reraise
# Nested try statements: inner handlers run first, unmatched exceptions go outward.
log = []
try:
    try:
        try:
            raise KeyError("k")
        except ValueError:
            log.append("inner wrong")
        finally:
            log.append("inner finally")
    except KeyError as e:
        log.append("middle " + type(e).__name__)
        raise TypeError("converted")
    finally:
        log.append("middle finally")
except TypeError as e:
    log.append("outer " + e.args[0])
print(log)
