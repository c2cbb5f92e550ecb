# feature: language.decorators.class_decorators
# A class decorator can replace the class with something else, e.g. a single instance.
def singleton(cls):
    return cls()

@singleton
class Config:
    debug = False

    def toggle(self):
        self.debug = not self.debug
        return self.debug

print(isinstance(Config, type))
print(Config.toggle(), Config.toggle())
