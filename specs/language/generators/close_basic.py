# feature: language.generators.send_throw_close
# close() raises GeneratorExit at the paused yield; finally blocks run.
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit")
        raise
    finally:
        print("finally")
it = g()
next(it)
print(it.close())
print(it.close())
try:
    next(it)
except StopIteration:
    print("StopIteration")
unstarted = g()
unstarted.close()
print("unstarted closed")
