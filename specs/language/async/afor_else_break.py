# feature: language.async.async_for
# async for supports break, continue and an else clause.
class Nums:
    def __init__(self, items):
        self.it = iter(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return next(self.it)
        except StopIteration:
            raise StopAsyncIteration

async def scan(items, stop):
    seen = []
    async for x in Nums(items):
        if x % 2:
            continue
        if x == stop:
            break
        seen.append(x)
    else:
        seen.append("else")
    return seen

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

print(run(scan([1, 2, 3, 4, 6], 4)))
print(run(scan([2, 4, 5], 9)))
