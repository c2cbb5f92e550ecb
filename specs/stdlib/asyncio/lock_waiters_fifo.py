# feature: stdlib.asyncio.sync
# requires: asyncio
# Tasks waiting on a held lock get it in the order they asked
import asyncio

got = []


async def take(lock, name):
    async with lock:
        got.append(name)


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(take(lock, n)) for n in "xyz"]
    await asyncio.sleep(0)
    print(got, lock.locked())
    lock.release()
    await asyncio.gather(*tasks)
    print(got, lock.locked())


asyncio.run(main())
