# feature: stdlib.asyncio.cancellation
# requires: asyncio
# A coroutine that finishes within the timeout gives its value through wait_for
import asyncio


async def quick(v):
    await asyncio.sleep(0.01)
    return v


async def main():
    print(await asyncio.wait_for(quick("on time"), 1))
    print(await asyncio.wait_for(quick(42), 0.5))


asyncio.run(main())
