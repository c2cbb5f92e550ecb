# feature: stdlib.asyncio.tasks
# requires: asyncio
# asyncio.run drives a coroutine to completion and returns its result or raises its error
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def fail():
    raise KeyError("k")


print(asyncio.run(add(2, 3)))
try:
    asyncio.run(fail())
except KeyError:
    print("KeyError")
print(asyncio.run(add("x", "y")))
