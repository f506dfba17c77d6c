import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stadtregion.settings")
django_application = get_wsgi_application()

from operations.wsgi import PageCacheApplication  # noqa: E402  (needs the settings above)

application = PageCacheApplication(django_application)
