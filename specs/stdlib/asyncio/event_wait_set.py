# feature: stdlib.asyncio.sync
# requires: asyncio
# Tasks blocked in Event.wait() resume after set()
import asyncio

log = []


async def waiter(ev, name):
    await ev.wait()
    log.append(name)


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print(ev.is_set(), log, [t.done() for t in tasks])
    ev.set()
    await asyncio.gather(*tasks)
    print(ev.is_set(), sorted(log))


asyncio.run(main())
