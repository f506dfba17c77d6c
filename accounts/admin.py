from django.contrib import admin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AuthenticatorApp

# Importing django-otp's admin registers its English-named model; staff get the proxy instead.
admin.site.unregister(TOTPDevice)
admin.site.register(AuthenticatorApp, TOTPDeviceAdmin)
