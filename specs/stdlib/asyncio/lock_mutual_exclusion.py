# feature: stdlib.asyncio.sync
# requires: asyncio
# async with lock keeps each critical section whole even across awaits
import asyncio

order = []


async def critical(lock, n):
    async with lock:
        order.append("in" + str(n))
        await asyncio.sleep(0)
        order.append("out" + str(n))


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical(lock, 1), critical(lock, 2), critical(lock, 3))
    print(order)
    print(lock.locked())


asyncio.run(main())
