# feature: language.decorators.class_decorators
# A parametrised class decorator registers classes under a key.
plugins = {}

def plugin(name):
    def deco(cls):
        plugins[name] = cls
        cls.plugin_name = name
        return cls
    return deco

@plugin("csv")
class CsvReader:
    pass

@plugin("json")
class JsonReader:
    pass

print(sorted(plugins))
print(plugins["csv"] is CsvReader, JsonReader.plugin_name)
