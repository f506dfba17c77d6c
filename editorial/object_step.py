"""The context of an admin page for one step on one object (publish a pending change, decide a
review, a preview link, an enrolment link): what templates/admin/object_step.html reads for its
breadcrumbs up to the object, besides the step's own values."""

from django.contrib.admin.utils import quote
from django.urls import reverse


def object_step_context(model_admin, request, obj, title, **values) -> dict:
    opts = model_admin.opts
    change = f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_change"
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "original": obj,
        "change_url": reverse(change, args=[quote(obj.pk)]),
        **values,
    }
