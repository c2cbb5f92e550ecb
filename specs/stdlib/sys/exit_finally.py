# feature: stdlib.sys.exit
# requires: sys
# finally blocks run while SystemExit propagates
import sys


def leave():
    try:
        sys.exit(9)
    finally:
        print("finally ran")


try:
    leave()
except SystemExit as e:
    print("exit", e.args[0])
