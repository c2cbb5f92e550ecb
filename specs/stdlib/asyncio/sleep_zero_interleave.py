# feature: stdlib.asyncio.tasks
# requires: asyncio
# await asyncio.sleep(0) yields, so gathered tasks take turns in round-robin order
import asyncio

log = []


async def worker(name, steps):
    for i in range(steps):
        log.append(name + str(i))
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 1))
    print(" ".join(log))


asyncio.run(main())
