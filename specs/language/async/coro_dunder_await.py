# feature: language.async.coroutines
# A class defining only __await__ (returning an iterator) is awaitable.
class Ready:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield "tick"
        return self.v

async def main():
    return await Ready(5) + 1

c = main()
try:
    print(c.send(None))
    c.send(None)
except StopIteration as e:
    print("result", e.value)
except TypeError:
    print("TypeError")
