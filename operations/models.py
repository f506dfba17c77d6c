from django.db import models


class PageCacheVersion(models.Model):
    """The page cache's version number, kept where it cannot go back: every process and app
    server reads it from the database they share (operations.pageversion), with Redis or without."""

    number = models.BigIntegerField()

    changes_public_pages = False  # moved by raw SQL; the page cache's own number

    class Meta:
        verbose_name = "Version des Seitenzwischenspeichers"
        default_permissions = ()  # nobody edits it; saves of content move it on

    def __str__(self):
        return str(self.number)
