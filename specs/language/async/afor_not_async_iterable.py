# feature: language.async.async_for
# async for over an object without __aiter__ raises TypeError (or AttributeError on some ports).
async def main(obj):
    async for x in obj:
        pass
    return "done"

for obj in ([1, 2], 5):
    c = main(obj)
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)
    except (TypeError, AttributeError):
        print(type(obj).__name__, "rejected")
