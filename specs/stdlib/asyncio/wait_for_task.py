# feature: stdlib.asyncio.cancellation
# requires: asyncio
# wait_for also accepts a task; a timed-out task ends up cancelled
import asyncio


async def forever():
    await asyncio.sleep(5)


async def main():
    t = asyncio.create_task(forever())
    try:
        await asyncio.wait_for(t, 0.02)
    except asyncio.TimeoutError:
        print("TimeoutError")
    await asyncio.sleep(0)
    print(t.done())


asyncio.run(main())
