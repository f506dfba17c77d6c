# Production image: gunicorn serves the app, whitenoise the static files.
# Build: docker build -t stadtregion-portal .   Run: see docs/betrieb.md, "Production".
# Debian 12 (bookworm), as on the development and CI machines.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=false \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/data/media \
    DJANGO_BACKUP_ROOT=/data/backups \
    DATABASE_URL=sqlite:////data/db.sqlite3 \
    DJANGO_MIGRATE_ON_START=true \
    DJANGO_LOG_FORMAT=json

# tzdata: TIME_ZONE = "Europe/Berlin" needs the system's zoneinfo (Django ships none on Linux).
# postgresql-client: `manage.py backup`/`restore` call pg_dump and pg_restore.
# A writable home: gunicorn puts its control socket into ~/.gunicorn.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app app \
    && mkdir -p /data/media \
    && chown -R app:app /data

WORKDIR /app

# Dependencies first, from the pins in pyproject.toml, so code changes reuse this layer.
COPY pyproject.toml ./
RUN pip install . && rm -rf build ./*.egg-info

COPY . .

# Static files are collected into the image. Settings refuse to load with DEBUG off and no real
# key, so the build uses a throwaway one; it never reaches a running container.
RUN DJANGO_SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789abcdef \
    DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Numeric, so that the host and Kubernetes can check it is not root.
USER 10001:10001

# Uploaded media (and the SQLite file, if DATABASE_URL is not set to PostgreSQL).
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/scripts/healthcheck.py"]

ENTRYPOINT ["/bin/sh", "/app/scripts/docker-entrypoint"]
# Workers, threads and timeouts: gunicorn.conf.py (WEB_CONCURRENCY workers, default 3).
CMD ["gunicorn", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "stadtregion.wsgi"]
