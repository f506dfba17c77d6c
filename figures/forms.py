from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    FORMATS = [
        ("genesis", _("Landesdatenbank NRW / GENESIS: „Flatfile CSV“ (ffcsv)")),
        ("template", _("Vorlage: indikator; kommune; jahr; wert")),
    ]
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, widget=forms.RadioSelect)
    file = forms.FileField(
        label=_("CSV-Datei"),
        help_text=_("Höchstens 5 MB. Aus einer ZIP-Datei der Landesdatenbank die CSV-Datei."),
    )
