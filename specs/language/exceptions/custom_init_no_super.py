# feature: language.exceptions.custom
# Without calling the base __init__, args still holds the constructor arguments.
class Coded(Exception):
    def __init__(self, code):
        self.code = code

try:
    raise Coded(7)
except Coded as e:
    print(e.code, e.args, str(e))
