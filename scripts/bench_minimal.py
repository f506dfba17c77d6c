"""The yardstick of `make bench`: Django's cheapest page of 20 KB, in a project of its own with
two middleware classes, a constant body, no template, no database. Served by the same gunicorn
(gunicorn.conf.py) as the site, every figure of the benchmark is a share of this one.

Settings and URLconf in one module: DJANGO_SETTINGS_MODULE=bench_minimal.
"""

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-minimal-" + "x" * 50
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench_minimal"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict = {}
USE_TZ = True
LOGGING_CONFIG = None

PAGE = ("<!DOCTYPE html><html lang='de'><title>minimal</title><p>" + "x" * 20_000).encode()


def minimal(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", minimal)]
