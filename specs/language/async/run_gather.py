# feature: language.async.asyncio_run
# requires: asyncio
# asyncio.gather runs coroutines concurrently and returns results in argument order.
import asyncio

order = []

async def job(name, delays):
    for _ in range(delays):
        await asyncio.sleep(0)
    order.append(name)
    return name.upper()

async def main():
    return await asyncio.gather(job("a", 3), job("b", 1), job("c", 2))

print(asyncio.run(main()))
print(order)
