from django.utils.functional import SimpleLazyObject

from .models import Page


def menus(request):
    """The pages linked from header and footer: one query per request, and none when both come
    from the fragment cache (operations/templatetags/fragments)."""

    def pages():
        cached = getattr(request, "_menu_pages", None)
        if cached is None:
            cached = request._menu_pages = list(
                Page.objects.published().exclude(menu="").only("title", "slug", "menu")
            )
        return cached

    return {
        "main_menu_pages": SimpleLazyObject(
            lambda: [p for p in pages() if p.menu == Page.Menu.MAIN]
        ),
        "footer_pages": SimpleLazyObject(
            lambda: [p for p in pages() if p.menu == Page.Menu.FOOTER]
        ),
    }
