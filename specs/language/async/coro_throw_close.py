# feature: language.async.coroutines
# throw() raises inside a suspended coroutine; close() finishes it with finally running.
class Pause:
    def __await__(self):
        yield

    __iter__ = __await__

async def task(log):
    try:
        await Pause()
        log.append("resumed")
    except KeyError:
        log.append("got KeyError")
        await Pause()
    finally:
        log.append("cleanup")

log = []
c = task(log)
c.send(None)
c.throw(KeyError)
c.close()
print(log)
