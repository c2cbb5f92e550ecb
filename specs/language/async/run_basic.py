# feature: language.async.asyncio_run
# requires: asyncio
# asyncio.run drives a coroutine to completion and returns its result.
import asyncio

async def compute(x):
    await asyncio.sleep(0)
    return x + 1

async def main():
    a = await compute(1)
    b = await compute(a)
    return [a, b]

print(asyncio.run(main()))
