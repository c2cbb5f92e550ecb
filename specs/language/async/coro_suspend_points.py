# feature: language.async.coroutines
# An awaitable that yields suspends the whole coroutine chain; send() resumes it.
class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got

    __iter__ = __await__

async def worker():
    a = await Pause("first")
    b = await Pause("second")
    return a + b

c = worker()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("done", e.value)
