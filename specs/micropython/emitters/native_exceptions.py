# feature: micropython.emitters.native
# requires: micropython, emitter.native
# Native code raises, catches and propagates exceptions; finally runs
import micropython

log = []


@micropython.native
def risky(x):
    try:
        if x < 0:
            raise ValueError("negative")
        return 100 // x
    except ZeroDivisionError:
        return "div0"
    finally:
        log.append(x)


print(risky(5), risky(0))
try:
    risky(-1)
except ValueError as e:
    print("ValueError", e)
print(log)
