# feature: stdlib.asyncio.tasks
# requires: asyncio
# An exception in a gathered coroutine propagates; return_exceptions=True collects it
import asyncio


async def ok(v):
    await asyncio.sleep(0)
    return v


async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad")


async def main():
    try:
        await asyncio.gather(ok(1), bad())
    except ValueError:
        print("ValueError propagated")
    res = await asyncio.gather(ok(1), bad(), ok(3), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0], res[2])


asyncio.run(main())
