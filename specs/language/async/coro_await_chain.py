# feature: language.async.coroutines
# await on another coroutine runs it to completion and yields its result.
async def double(x):
    return x * 2

async def pipeline(x):
    a = await double(x)
    b = await double(a)
    return [x, a, b, await double(b) + 1]

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(pipeline(3)))
