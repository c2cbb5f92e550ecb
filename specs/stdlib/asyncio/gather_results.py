# feature: stdlib.asyncio.tasks
# requires: asyncio
# gather returns results in argument order, not completion order
import asyncio

finished = []


async def after(delay, tag):
    await asyncio.sleep(delay)
    finished.append(tag)
    return tag


async def main():
    res = await asyncio.gather(after(0.06, "slow"), after(0.0, "instant"), after(0.02, "medium"))
    print(res)
    print(finished)
    print(await asyncio.gather())


asyncio.run(main())
