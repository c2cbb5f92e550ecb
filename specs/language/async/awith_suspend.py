# feature: language.async.async_with
# __aenter__ and __aexit__ can suspend; the body runs between the suspensions.
class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag

    __iter__ = __await__

class Lock:
    async def __aenter__(self):
        await Pause("acquire")

    async def __aexit__(self, *a):
        await Pause("release")

async def main():
    async with Lock():
        await Pause("body")
    return "end"

c = main()
try:
    while True:
        print(c.send(None))
except StopIteration as e:
    print(e.value)
