# feature: stdlib.asyncio.cancellation
# requires: asyncio
# On timeout the inner coroutine is cancelled: its cleanup runs before TimeoutError arrives
import asyncio

log = []


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise
    finally:
        log.append("inner finally")


async def main():
    try:
        await asyncio.wait_for(inner(), 0.02)
    except asyncio.TimeoutError:
        log.append("timeout")
    print(log)


asyncio.run(main())
