# feature: stdlib.asyncio.tasks
# requires: asyncio
# create_task starts a coroutine running once the creator yields; awaiting gives its result
import asyncio

log = []


async def job(n):
    log.append("job start")
    await asyncio.sleep(0)
    return n * 10


async def main():
    t = asyncio.create_task(job(4))
    log.append("created")
    print(t.done())
    result = await t
    print(log, result, t.done())
    print(await t)


asyncio.run(main())
