"""Erklärung zur Barrierefreiheit, Leichte Sprache and Gebärdensprache.

Leichte Sprache: one statement per sentence and one sentence per paragraph.
"""

BARRIEREFREIHEIT = """\
Die Stadtregion Münster ist bemüht, ihre Website im Einklang mit dem
Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der
Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei
zugänglich zu machen. Beide setzen die Richtlinie (EU) 2016/2102 um. Maßstab sind die
Anforderungen der europäischen Norm EN 301 549 und damit die Web Content Accessibility
Guidelines (WCAG) 2.1 auf der Stufe AA.

Diese Erklärung nach § 10b BGG NRW gilt für die Website der Stadtregion Münster, die die Stadt
Münster für die zwölf Kommunen der Stadtregion betreibt.

## Stand der Vereinbarkeit mit den Anforderungen

Diese Website ist **teilweise barrierefrei**. Sie ist wegen der unten genannten Ausnahmen nur
teilweise mit der BITV NRW vereinbar.

Die Einschätzung beruht auf einer Selbstbewertung: automatische Prüfungen (axe-core und der
<span lang="en">Nu HTML Checker</span>) sowie Tests mit Tastatur und Screenreader. Eine Prüfung durch eine
unabhängige Stelle steht noch aus. Bis dahin bewerten wir die Website als teilweise barrierefrei.

## Nicht barrierefreie Inhalte

- **PDF-Dokumente:** Die Dateien unter „Dokumente“ sind zurzeit Beispieldateien ohne
  Struktur-Auszeichnung. Sie sind nicht barrierefrei im Sinne von PDF/UA. Auf Wunsch schicken
  wir Ihnen die Inhalte in einer für Sie zugänglichen Form.
- **Karte:** Die Karte von OpenStreetMap ist mit Screenreadern nur eingeschränkt nutzbar.
  Dieselben Orte stehen als Text in den Listen der Kommunen und Projekte.
- **Gebärdensprache:** Die Seite [Gebärdensprache](/gebaerdensprache/) kündigt Videos zu den
  Inhalten der Website, zur Navigation und zu dieser Erklärung an. Welche davon noch fehlen,
  steht unten unter „Fehlende Videos in Gebärdensprache“. Wir wollen sie bis Ende Juni 2027
  veröffentlichen (Beispielangabe für die Planung). Bis dahin finden Sie die Erklärungen in
  [Leichter Sprache](/leichte-sprache/).
- **Videos von YouTube:** Ob Untertitel vorhanden sind, hängt vom einzelnen Video ab.

## Erstellung dieser Erklärung

Diese Erklärung wurde am 25. November 2026 erstellt. Wir überprüfen sie mindestens einmal im
Jahr und nach jeder größeren Änderung der Website.

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website aufgefallen? Oder
brauchen Sie Informationen in einer barrierefreien Form? Dann melden Sie sich bitte bei uns:

- über das Formular [Barriere melden](/barrierefreiheit/feedback/)
- per E-Mail an die Geschäftsstelle:
  [stadtregion.geschaeftsstelle@example.org](mailto:stadtregion.geschaeftsstelle@example.org)
  (Beispielangabe)

## Ombudsverfahren (Durchsetzungsverfahren)

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an
die **Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen**
wenden. Sie ist der Beauftragten der Landesregierung für die Belange der Menschen mit
Behinderung (Landesbehindertenbeauftragte NRW) zugeordnet. Das Ombudsverfahren ist in § 10d
BGG NRW und in der BITV NRW geregelt.

Informationen und das Antragsformular finden Sie auf der
[Website der Ombudsstelle](https://www.lbbp.nrw.de/ombudsstelle).
"""

LEICHTE_SPRACHE = """\
## Was ist die Stadt-Region Münster?

In der Stadt-Region Münster arbeiten 12 Städte und Gemeinden zusammen.

Das sind:

- Altenberge
- Ascheberg
- Drensteinfurt
- Everswinkel
- Greven
- Havixbeck
- Münster
- Nottuln
- Ostbevern
- Senden
- Sendenhorst
- Telgte

Jede Stadt entscheidet selbst über ihre Sachen.

Aber manche Aufgaben hören nicht an der Stadt-Grenze auf.

Zum Beispiel:

Viele Menschen wohnen in einer Stadt.

Und sie arbeiten in einer anderen Stadt.

Darum arbeiten die 12 Städte und Gemeinden zusammen.

## Was machen die Städte zusammen?

Die Städte arbeiten zu 4 Themen zusammen:

- **Wohnen:** Alle Menschen sollen eine gute Wohnung finden.
- **Mobilität:** Mobilität heißt: Wie kommen die Menschen von einem Ort zum anderen?
  Es gibt zum Beispiel gute Wege für Fahr-Räder.
  Diese Wege heißen Velo-Routen.
- **Klima-Schutz:** Die Städte wollen das Klima schützen.
  Zum Beispiel sollen Häuser weniger Energie verbrauchen.
- **Schule:** Viele Kinder gehen in einer anderen Stadt zur Schule.
  Darum planen die Städte die Schulen gemeinsam.

## Wer entscheidet?

Jede Stadt hat einen Bürger-Meister oder eine Bürger-Meisterin.

Die 12 Bürger-Meister treffen sich.

Sie entscheiden gemeinsam.

Es gibt auch einen Bei-Rat.

Im Bei-Rat sind 40 Menschen aus den Stadt-Räten.

Dazu kommt 1 Mensch, der den Bei-Rat leitet.

Das ist der Sprecher oder die Sprecherin der Bürger-Meister.

Der Bei-Rat gibt Rat und Tipps.

Ein Büro hilft bei der Arbeit.

Das Büro heißt: Geschäfts-Stelle.

Die Geschäfts-Stelle ist in Münster.

## So finden Sie sich auf der Internet-Seite zurecht

Oben auf jeder Seite ist ein Menü.

Im Menü finden Sie diese Punkte:

{menu}

Auf kleinen Bild-Schirmen ist das Menü zu.

Dann klicken Sie auf das Wort Menü.

Dann geht das Menü auf.

Ganz unten auf jeder Seite sind weitere Links.

Zum Beispiel zum Kontakt.

Sie können die Seite auch mit der Tastatur bedienen.

Mit der Taste Tab springen Sie zum nächsten Link.

## Erklärung zur Barriere-Freiheit

Barriere-Freiheit heißt:

Alle Menschen können die Internet-Seite gut benutzen.

Auch Menschen mit Behinderung.

Wir geben uns viel Mühe.

Aber noch ist nicht alles barriere-frei.

Zum Beispiel:

- Manche Dateien können Sie mit einem Vorlese-Programm nicht gut lesen.
- Die Land-Karte können Sie mit einem Vorlese-Programm nicht gut benutzen.
  Die Orte stehen aber auch als Text auf der Seite.
- Es gibt noch keine Videos in Gebärden-Sprache.
  Sie sollen bis Ende Juni 2027 fertig sein (Beispiel-Angabe).

Die ganze Erklärung finden Sie hier:

[Erklärung zur Barriere-Freiheit](/barrierefreiheit/).

Die ganze Erklärung ist nicht in Leichter Sprache.

## Sie haben ein Problem mit der Internet-Seite?

Dann schreiben Sie uns bitte.

Hier ist das Formular:

[Barriere melden](/barrierefreiheit/feedback/).

Wir antworten Ihnen.

Vielleicht sind Sie mit der Antwort nicht zufrieden.

Dann können Sie sich an eine andere Stelle wenden.

Diese Stelle heißt: Ombuds-Stelle.

Die Ombuds-Stelle hilft Ihnen.
"""

# The main menu in Leichte Sprache, by the label the menu shows. The page lists exactly the
# menu's entries (easy_menu), so a new entry without an explanation here fails the seed.
EASY_MENU = {
    "Aktuelles": ("Aktuelles", "Hier stehen Nach-Richten aus der Stadt-Region."),
    "Kommunen": ("Kommunen", "Hier stehen die 12 Städte und Gemeinden."),
    "Handlungsfelder": ("Handlungs-Felder", "Hier stehen die 4 Themen."),
    "Projekte": ("Projekte", "Hier steht, was die Städte zusammen machen."),
    "Arbeitsgruppen": ("Arbeits-Gruppen", "Hier steht, wer an einem Thema arbeitet."),
    "Gremien": ("Gremien", "Hier steht, wer entscheidet."),
    "Termine": ("Termine", "Hier stehen die Treffen."),
    "Dokumente": ("Dokumente", "Hier können Sie Dateien herunter-laden."),
    "Zahlen und Berichte": (
        "Zahlen und Berichte",
        "Hier stehen Zahlen über die Stadt-Region. Zum Beispiel: Wie viele Menschen wohnen hier?",
    ),
    "Über uns": ("Über uns", "Hier steht, wer wir sind und wie wir zusammen-arbeiten."),
}


def easy_menu(labels: list[str]) -> str:
    """The Markdown list of the menu's entries, in the menu's order."""
    return "\n".join(f"- **{EASY_MENU[label][0]}:** {EASY_MENU[label][1]}" for label in labels)


GEBAERDENSPRACHE = """\
Auf dieser Seite erklären wir die Website in Deutscher Gebärdensprache.

## Welche Videos gibt es?

Die Videos erklären:

- was die Stadtregion Münster ist und was sie tut,
- wie Sie sich auf dieser Website zurechtfinden,
- was in unserer [Erklärung zur Barrierefreiheit](/barrierefreiheit/) steht.

Die Videos liegen auf dem Server der Stadtregion. Sie werden ohne Dienste anderer Anbieter
abgespielt. Zu jedem Video gibt es Untertitel oder den Inhalt als Text.

Die Redaktion stellt die Videos nach und nach ein. Dieselben Inhalte finden Sie auch in
[Leichter Sprache](/leichte-sprache/).
"""
