# feature: determinism.concurrency.tasks
# requires: micropython, asyncio
# timeout: 20
# Concurrency: 2 and then 10 cooperative tasks. The interleaving must be the same
# on every run; the time for each group is measured.
import asyncio
import time

order = []


async def worker(name, steps):
    for i in range(steps):
        order.append(name * 100 + i)
        await asyncio.sleep(0)


async def group(n):
    await asyncio.gather(*[worker(k, 3) for k in range(n)])


for n in (2, 10):
    order = []
    t0 = time.ticks_us()
    asyncio.run(group(n))
    print('@measure tasks%d_us' % n, time.ticks_diff(time.ticks_us(), t0), 'us')
    print(n, len(order), order[:4], sum(order))
