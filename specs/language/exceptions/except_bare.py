# feature: language.exceptions.try_except
# A bare except catches everything, including non-Exception BaseExceptions.
def run(exc):
    try:
        raise exc
    except Exception:
        return "Exception"
    except:
        return "bare"

print(run(ValueError))
print(run(KeyboardInterrupt))
print(run(SystemExit))
print(run(GeneratorExit))
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
