# feature: stdlib.asyncio.cancellation
# requires: asyncio
# wait_for raises TimeoutError when the awaitable takes too long
import asyncio


async def slow():
    await asyncio.sleep(5)
    return "late"


async def main():
    try:
        print(await asyncio.wait_for(slow(), 0.05))
    except asyncio.TimeoutError:
        print("TimeoutError")


asyncio.run(main())
