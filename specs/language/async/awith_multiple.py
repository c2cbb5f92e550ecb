# feature: language.async.async_with
# async with with two managers enters in order and exits in reverse.
log = []

class Res:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        log.append("in " + self.name)
        return self.name

    async def __aexit__(self, *a):
        log.append("out " + self.name)

async def main():
    async with Res("a") as x, Res("b") as y:
        log.append(x + y)

c = main()
try:
    c.send(None)
except StopIteration:
    pass
print(log)
