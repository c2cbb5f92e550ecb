# feature: stdlib.asyncio.cancellation
# requires: asyncio
# Cancelling a task raises CancelledError inside it and in whoever awaits it
import asyncio

log = []


async def long_job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled inside")
        raise


async def main():
    t = asyncio.create_task(long_job())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append("awaiter saw CancelledError")
    print(log, t.done())
    print(issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
