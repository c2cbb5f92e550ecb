# feature: language.async.async_for
# __anext__ may itself suspend; the driver sees each suspension.
class Pause:
    def __await__(self):
        yield "pause"

    __iter__ = __await__

class Slow:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause()
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i

async def main():
    got = []
    async for v in Slow():
        got.append(v)
    return got

c = main()
steps = 0
try:
    while True:
        c.send(None)
        steps += 1
except StopIteration as e:
    print(steps, e.value)
