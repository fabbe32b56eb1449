# The extension is built by CMake, not by setuptools: this only marks the wheel as a binary one
# (tagged for this CPython and platform) instead of a pure-Python wheel. See pyproject.toml.
from setuptools import setup
from setuptools.dist import Distribution


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(distclass=BinaryDistribution)
