# feature: stdlib.asyncio.sync
# requires: asyncio
# acquire() returns True and sets locked(); releasing an unlocked Lock is RuntimeError
import asyncio


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")


asyncio.run(main())
