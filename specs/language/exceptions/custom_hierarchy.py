# feature: language.exceptions.custom
# tags: core
# User exception hierarchies: catching a base class catches its subclasses.
class AppError(Exception):
    pass

class NetError(AppError):
    pass

class Timeout(NetError):
    pass

for cls in (Timeout, NetError, AppError):
    try:
        raise cls("msg")
    except NetError as e:
        print("net handler", type(e).__name__, e.args)
    except AppError as e:
        print("app handler", type(e).__name__, e.args)
print(issubclass(Timeout, Exception), issubclass(AppError, NetError))
