# feature: language.async.async_for
# tags: core
# async for calls __aiter__ once, then awaits __anext__ until StopAsyncIteration.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1

async def collect():
    out = []
    async for v in Countdown(4):
        out.append(v)
    return out

c = collect()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
