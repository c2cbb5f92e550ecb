# feature: language.decorators.with_args
# A class can act as a parametrised decorator: __init__ takes args, __call__ takes the function.
class Retry:
    def __init__(self, times):
        self.times = times

    def __call__(self, fn):
        def wrapper():
            for i in range(self.times):
                try:
                    return fn(i)
                except RuntimeError:
                    pass
            return "gave up"
        return wrapper

@Retry(3)
def flaky(attempt):
    if attempt < 2:
        raise RuntimeError
    return "ok on %d" % attempt

@Retry(2)
def never(attempt):
    raise RuntimeError

print(flaky(), never())
