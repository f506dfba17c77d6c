"""Über uns and Kontakt."""

UEBER_UNS = """\
## Wer wir sind

Die Stadtregion Münster sind zwölf selbstständige Städte und Gemeinden: Münster und die
Nachbarkommunen Altenberge, Ascheberg, Drensteinfurt, Everswinkel, Greven, Havixbeck, Nottuln,
Ostbevern, Senden, Sendenhorst und Telgte. Zusammen leben hier rund 510.000 Menschen auf etwa
1.314 Quadratkilometern.

Jede Kommune regelt ihre örtlichen Angelegenheiten in eigener Verantwortung (Artikel 28
Absatz 2 Grundgesetz). Doch die Kommunen wachsen zusammen: Von 2010 bis 2020 stieg die
Einwohnerzahl um 9 Prozent, die Zahl der Beschäftigten um 25 Prozent und die Zahl der
Pendlerinnen und Pendler um 17 Prozent. Gemeinsame Zukunftsaufgaben brauchen Lösungen über
Gemeindegrenzen hinweg.

## Unsere Ziele

- Synergien zwischen den Kommunen nutzen und die Verwaltung wirksamer und wirtschaftlicher machen
- Beiträge zu Problemen leisten, die die Menschen im Alltag beschäftigen
- Die Zukunftsfähigkeit der Region sichern

## Der Kontrakt

Grundlage der Zusammenarbeit ist der „Kontrakt zur Zusammenarbeit in der Stadtregion Münster“.
Alle zwölf Räte haben ihn Ende 2018 gleichlautend beschlossen und dabei das Handlungskonzept
für die Leitprojekte „Wohnregion 2030“ und „Velorouten“ beraten. 2019 wurde der
Kontrakt mit einer geänderten Zusammensetzung des Beirats erneut beschlossen. Die Beschlüsse
finden Sie unter [Dokumente](/dokumente/).

## Handlungsfelder

Die Kommunen arbeiten in vier Handlungsfeldern zusammen:

- [Siedlungsentwicklung/Wohnen](/handlungsfelder/wohnen/)
- [Mobilität](/handlungsfelder/mobilitaet/)
- [Klimaschutz](/handlungsfelder/klimaschutz/)
- [Schulentwicklung](/handlungsfelder/schulentwicklung/)

Die Projektarbeit organisieren sie in [Arbeitsgruppen, Arbeitskreisen und
Arbeitsgemeinschaften](/arbeitsgruppen/).

## So funktioniert die Zusammenarbeit

- **Bürgermeisterrunde:** Die zwölf Bürgermeisterinnen und Bürgermeister entscheiden. Vorsitz
  und Sprecheramt wechseln alle zwei Jahre. 2024 war Jörn Möltgen (Havixbeck) Sprecher,
  seine Stellvertreterin war Katrin Reuscher (Sendenhorst).
- **Ansprechpartnerrunde:** Je eine Ansprechperson aus jeder Verwaltung bereitet die Arbeit
  gemeinsam mit der Geschäftsstelle vor.
- **Beirat Stadtregion:** 40 Ratsmitglieder sind als „Botschafterinnen und Botschafter“ von
  ihren Räten benannt: je drei aus den elf Umlandkommunen und sieben aus Münster. Den Vorsitz
  führt zusätzlich die Sprecherin oder der Sprecher der Bürgermeisterrunde; mit dem Vorsitz
  hat der Beirat also 41 Mitglieder. Er tagt etwa zweimal im Jahr.
- **Rätetreffen:** Alle Ratsmitglieder der zwölf Kommunen sind eingeladen. Rätetreffen gab es
  2017, 2022 und 2024.
- **Geschäftsstelle:** Sie ist bei der Stadt Münster angesiedelt und organisiert die tägliche
  Arbeit.

Das politische Netzwerk wird weiter aufgebaut. Seine Kernelemente sind die Rätetreffen, der
Beirat Stadtregion und ein stadtregionales Berichtswesen. Mehr unter [Gremien](/gremien/) und
in der [Chronik](/chronik/).

## Finanzierung

Die Mitglieder tragen den Projekthaushalt und die Personalkosten der Geschäftsstelle gemeinsam.
Sie teilen die Kosten nach einem vereinbarten Schlüssel. Der Anteil von Nottuln liegt zum
Beispiel bei 3,93 Prozent.
"""

KONTAKT = """\
> Hinweis: Anschrift, Telefonnummer und E-Mail-Adresse auf dieser Seite sind Beispielangaben.

## Geschäftsstelle Stadtregion Münster

**Stadt Münster, Geschäftsstelle Stadtregion, 48127 Münster**

- E-Mail: [stadtregion.geschaeftsstelle@example.org](mailto:stadtregion.geschaeftsstelle@example.org)
- Telefon: 0251 000000 (Beispielangabe)

## Ansprechpersonen in den Kommunen

Jede der zwölf Kommunen hat eine Ansprechperson für die Stadtregion. Sie finden sie auf den
[Seiten der Kommunen](/kommunen/) und im Serviceportal Ihrer Stadt oder Gemeinde.

## Barrieren melden

Sie sind auf dieser Website auf eine Barriere gestoßen? Bitte nutzen Sie unser
[Formular „Barriere melden“](/barrierefreiheit/feedback/).
"""
