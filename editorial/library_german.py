"""German for what the libraries show in English and no catalog can translate.

Their messages with gettext are translated in locale/de/LC_MESSAGES/django.po. What this module
renames at start-up is written as plain English in the libraries' code:

- simple-history names each historical model "historical <model>" (the permission widget shows
  it as the content type of "Kann frühere Fassungen von ... ansehen");
- django-otp calls its model "TOTP device" (the deletion summary of a user lists it);
- the rows of automatic many-to-many tables are "Group_permissions object (25)";
- the admin's yes/no icons carry alt="True"/"False", read out by screen readers;
- django-axes names its rows "Access Log for admin @ 2026-11-30 13:06:59.025181+00:00";
- Django's form for setting a user's password warns "If disabled, the current password for
  this user will be lost." without gettext.

Only ``verbose_name``s and display strings change, never ``Meta`` as written: migrations read
``Meta.original_attrs``, so no migration follows from this.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalChanges

from .permission_names import history_subject

BOOLEAN_ICONS = {
    True: ("yes", _("Ja")),
    False: ("no", _("Nein")),
    None: ("unknown", _("Unbekannt")),
}


def german_boolean_icon(field_val):
    icon, alt = BOOLEAN_ICONS[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)


def _through_str(obj) -> str:
    return f"Zuordnung Nr. {obj.pk}"


def _when(obj) -> str:
    return date_format(timezone.localtime(obj.attempt_time), "SHORT_DATETIME_FORMAT")


def _who(obj) -> str:
    return f"{obj.username or '–'} ({obj.ip_address or 'Adresse unbekannt'})"


def _attempt_str(obj) -> str:
    return f"Fehlversuche von {_who(obj)}, zuletzt {_when(obj)}"


def _failure_str(obj) -> str:
    locked = ", gesperrt" if obj.locked_out else ""
    return f"Fehlversuch von {_who(obj)} am {_when(obj)}{locked}"


def _log_str(obj) -> str:
    return f"Anmeldung von {_who(obj)} am {_when(obj)}"


UNUSABLE_PASSWORD_HELP_TEXT = format_lazy(
    # The markup is Django's: its script shows the warning when "Deaktiviert" is chosen.
    '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
    SetUnusablePasswordMixin.usable_password_help_text,
    _("Wenn deaktiviert, geht das bisherige Passwort dieses Benutzerkontos verloren."),
)


def _rename(model, singular, plural) -> None:
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural


def germanize_library_names() -> None:
    """Called once from AccountsConfig.ready(), when every model is loaded."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _rename(TOTPDevice, _("Authenticator-App"), _("Authenticator-Apps"))
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if issubclass(model, HistoricalChanges):
            subject = history_subject(model)
            _rename(
                model,
                format_lazy("{} (frühere Fassung)", subject),
                format_lazy("{} (frühere Fassungen)", subject),
            )
        elif opts.auto_created and not opts.proxy:
            source, target = (f.remote_field.model._meta for f in opts.fields if f.is_relation)
            pair = (source.verbose_name, target.verbose_name)
            _rename(
                model,
                format_lazy("Zuordnung {} – {}", *pair),
                format_lazy("Zuordnungen {} – {}", *pair),
            )
            model.__str__ = _through_str
    AccessAttempt.__str__ = _attempt_str
    AccessFailureLog.__str__ = _failure_str
    AccessLog.__str__ = _log_str
    AdminPasswordChangeForm.usable_password_help_text = UNUSABLE_PASSWORD_HELP_TEXT
    # Every caller (changelists, read-only fields) imports the icon from this module.
    admin_list._boolean_icon = german_boolean_icon
