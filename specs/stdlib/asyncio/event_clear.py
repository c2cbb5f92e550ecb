# feature: stdlib.asyncio.sync
# requires: asyncio
# A set event lets wait() return at once; clear() resets it
import asyncio


async def main():
    ev = asyncio.Event()
    ev.set()
    print(ev.is_set(), await ev.wait())
    ev.clear()
    print(ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.02)
        print("returned")
    except asyncio.TimeoutError:
        print("still waiting after clear")


asyncio.run(main())
