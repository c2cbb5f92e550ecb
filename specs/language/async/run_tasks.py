# feature: language.async.asyncio_run
# requires: asyncio
# create_task schedules a coroutine; awaiting the task gives its result.
import asyncio

log = []

async def child(n):
    log.append("child start %d" % n)
    await asyncio.sleep(0)
    log.append("child end %d" % n)
    return n * 10

async def main():
    t = asyncio.create_task(child(1))
    log.append("main after create")
    r = await t
    log.append("main got %d" % r)

asyncio.run(main())
print(log)
