# feature: language.async.asyncio_run
# requires: asyncio
# An exception inside the main coroutine propagates out of asyncio.run.
import asyncio

async def bad():
    await asyncio.sleep(0)
    raise KeyError("lost")

async def main():
    try:
        await bad()
    except KeyError as e:
        print("inside", e.args)
    await bad()

try:
    asyncio.run(main())
except KeyError as e:
    print("outside", e.args)
