# feature: stdlib.asyncio.cancellation
# requires: asyncio
# An exception raised inside the awaited coroutine passes through wait_for
import asyncio


async def broken():
    await asyncio.sleep(0)
    raise ZeroDivisionError


async def main():
    try:
        await asyncio.wait_for(broken(), 1)
    except ZeroDivisionError:
        print("ZeroDivisionError")
    except asyncio.TimeoutError:
        print("TimeoutError")


asyncio.run(main())
