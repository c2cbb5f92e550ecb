# feature: language.async.coroutines
# Exceptions propagate out of awaited coroutines and can be caught inside async code.
async def fail(msg):
    raise ValueError(msg)

async def guarded():
    try:
        await fail("inner")
    except ValueError as e:
        return "handled " + e.args[0]

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

print(run(guarded()))
try:
    run(fail("outer"))
except ValueError as e:
    print("escaped", e.args)
