# feature: language.async.async_for
# An async generator (async def with yield) can be consumed by async for.
async def agen(n):
    for i in range(n):
        yield i * i

async def main():
    out = []
    async for v in agen(4):
        out.append(v)
    return out

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
