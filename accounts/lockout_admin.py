"""django-axes' lockouts in the admin, with its action repaired and in German.

Its action "Abgelaufene Zugriffsversuche entfernen" fails with a server error outside a login
request (it reads the time django-axes sets only while a login is checked), and it reports with
an f-string inside gettext ("Cleaned up 3 expired access attempts."), which no catalogue entry
can match. This subclass gives the time and words the message. Everything else is django-axes'
own admin.
"""

from axes.admin import AccessAttemptAdmin
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class GermanAccessAttemptAdmin(AccessAttemptAdmin):
    actions = ["cleanup_expired_attempts"]

    @admin.action(description=_("Abgelaufene Zugriffsversuche entfernen"))
    def cleanup_expired_attempts(self, request, queryset):
        # django-axes' handler sets this on login requests; the threshold is counted from it.
        request.axes_attempt_time = timezone.now()
        count = self.handler.clean_expired_user_attempts(request=request)
        message = ngettext(
            "%(count)d abgelaufener Zugriffsversuch entfernt.",
            "%(count)d abgelaufene Zugriffsversuche entfernt.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
