# feature: language.async.asyncio_run
# requires: asyncio
# Tasks sleeping for different times finish in order of their delays.
import asyncio

done = []

async def napper(name, ms):
    await asyncio.sleep(ms / 1000)
    done.append(name)

async def main():
    await asyncio.gather(napper("slow", 60), napper("fast", 10), napper("mid", 30))

asyncio.run(main())
print(done)
