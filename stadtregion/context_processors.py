from django.conf import settings

from . import navigation


def site(request):
    """The site's name, its main menu and the current section's sub menu (stadtregion.navigation).

    The menus are marked for the resolved URL; no route matched (a 404 page) marks nothing.
    """
    match = request.resolver_match
    view_name, namespace = (match.view_name, match.namespace) if match else (None, None)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "main_nav": navigation.main_nav(view_name),
        "sub_nav": navigation.sub_nav(namespace, view_name),
    }
