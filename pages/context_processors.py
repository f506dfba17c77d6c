from .models import Page


def menus(request):
    """The pages linked from header and footer (one query, cached per request)."""
    pages = getattr(request, "_menu_pages", None)
    if pages is None:
        pages = list(Page.objects.published().exclude(menu="").only("title", "slug", "menu"))
        request._menu_pages = pages
    return {
        "main_menu_pages": [p for p in pages if p.menu == Page.Menu.MAIN],
        "footer_pages": [p for p in pages if p.menu == Page.Menu.FOOTER],
    }
