# feature: language.async.async_for
# An async comprehension collects values from an async iterator inside a coroutine.
class Upto:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    return [v * 10 async for v in Upto(3) if v != 2]

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
