"""Impressum (§ 5 DDG, § 18 MStV) and Datenschutzerklärung (DSGVO)."""

IMPRESSUM = """\
> Hinweis: Angaben mit dem Zusatz „Beispielangabe“ sind Beispiele für die Vorführung dieses
> Portals.

## Anbieterin

Diese Website ist ein Angebot der Stadtregion Münster. Anbieterin im Sinne von § 5
Digitale-Dienste-Gesetz (DDG) ist die Stadt Münster:

**Stadt Münster, Geschäftsstelle Stadtregion, 48127 Münster**

## Vertretung

Die Stadt Münster ist eine Körperschaft des öffentlichen Rechts. Sie wird gesetzlich vertreten
durch den Oberbürgermeister.

## Kontakt

- E-Mail: [stadtregion.geschaeftsstelle@example.org](mailto:stadtregion.geschaeftsstelle@example.org)
  (Beispielangabe)
- Telefon: 0251 000000 (Beispielangabe)

## Aufsichtsbehörde

Bezirksregierung Münster, Domplatz 1–3, 48143 Münster

## Umsatzsteuer-Identifikationsnummer

Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz: DE000000000
(Beispielangabe)

## Verantwortlich für den Inhalt nach § 18 Absatz 2 Medienstaatsvertrag (MStV)

Leitung der Geschäftsstelle Stadtregion (Beispielangabe), Anschrift wie oben.

## Inhalte der Mitgliedskommunen

Die zwölf Städte und Gemeinden der Stadtregion liefern Inhalte zu dieser Website zu. Für die
Internetseiten und Serviceportale der einzelnen Kommunen sind die jeweiligen Kommunen
verantwortlich.

## Links auf andere Websites

Diese Website enthält Links auf Websites anderer Anbieter. Für deren Inhalte sind die
jeweiligen Anbieter verantwortlich. Bei der Verlinkung waren keine Rechtsverstöße erkennbar.
Werden uns Rechtsverletzungen bekannt, entfernen wir den Link.

## Urheberrecht

Texte, Bilder und Dokumente auf dieser Website sind urheberrechtlich geschützt. Wenn Sie sie
verwenden möchten, wenden Sie sich bitte an die Geschäftsstelle.
"""

DATENSCHUTZ = """\
> Hinweis: Angaben mit dem Zusatz „Beispielangabe“ sind Beispiele für die Vorführung dieses
> Portals.

## Verantwortliche Stelle

Verantwortlich für die Verarbeitung personenbezogener Daten auf dieser Website im Sinne von
Art. 4 Nr. 7 der Datenschutz-Grundverordnung (DSGVO) ist die Stadt Münster:

**Stadt Münster, Geschäftsstelle Stadtregion, 48127 Münster**

E-Mail: [stadtregion.geschaeftsstelle@example.org](mailto:stadtregion.geschaeftsstelle@example.org)
(Beispielangabe)

## Datenschutzbeauftragte

Sie erreichen die behördliche Datenschutzbeauftragte der Stadt Münster unter der oben
genannten Anschrift oder per E-Mail an
[datenschutz@example.org](mailto:datenschutz@example.org) (Beispielangabe).

## Daten beim Besuch der Website (Server-Protokolle)

Wenn Sie diese Website aufrufen, verarbeitet der Server technisch notwendige Daten:

- Ihre IP-Adresse
- Datum und Uhrzeit des Abrufs
- die aufgerufene Adresse und den HTTP-Statuscode
- die übertragene Datenmenge
- die Seite, von der Sie gekommen sind (Referrer)
- Browser und Betriebssystem (User-Agent)

Wir brauchen diese Daten, um die Website auszuliefern, ihre Sicherheit zu gewährleisten und
Fehler zu finden. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3
Datenschutzgesetz Nordrhein-Westfalen (DSG NRW). Die Protokolle werden nach 14 Tagen gelöscht
(Beispielangabe). Wir werten sie nicht aus, um Sie zu erkennen, und erstellen keine Profile.

## Formular „Barriere melden“

Wenn Sie uns über das Formular eine Barriere melden, speichern wir Ihre Beschreibung, die
betroffene Seite und – freiwillig – Ihren Namen und Ihre E-Mail-Adresse. Die Geschäftsstelle
wird per E-Mail über die Meldung informiert. Wir nutzen die Daten nur, um die Barriere zu
beheben und Ihnen zu antworten. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in
Verbindung mit § 3 DSG NRW und § 10b BGG NRW.

Zum Schutz vor massenhaft versendeten Meldungen zählen wir Meldungen je Internetanschluss.
Dafür speichern wir für eine Stunde nur einen Prüfwert (Hash-Wert) der IP-Adresse,
nicht die Adresse selbst.

## Ihre Rechte

Sie haben das Recht auf

- Auskunft über Ihre Daten (Art. 15 DSGVO),
- Berichtigung unrichtiger Daten (Art. 16 DSGVO),
- Löschung (Art. 17 DSGVO),
- Einschränkung der Verarbeitung (Art. 18 DSGVO),
- Widerspruch gegen die Verarbeitung (Art. 21 DSGVO),
- Widerruf einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO).

Sie können sich außerdem bei der Aufsichtsbehörde beschweren: Landesbeauftragte für
Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Kavalleriestraße 2–4,
40213 Düsseldorf, [www.ldi.nrw.de](https://www.ldi.nrw.de).

## Cookies und externe Dienste

Notwendige Cookies brauchen wir, damit die Website funktioniert: Eines speichert Ihre Auswahl
in den Datenschutz-Einstellungen (welche Dienste Sie erlauben, die Version der Einstellungen und
das Datum), eines schützt Formulare wie „Barriere melden“ vor Missbrauch, und die Redaktion
braucht für die Anmeldung ein Sitzungs-Cookie. Sie lassen sich nicht abwählen, weil die Website
sonst nicht wie gewünscht funktionieren könnte (§ 25 Abs. 2 Nr. 2
Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz, TDDDG). Externe Komponenten – Karten von
OpenStreetMap (OpenStreetMap Foundation, Vereinigtes Königreich) und Videos von YouTube (Google
Ireland Limited, Irland) – laden wir erst, wenn Sie eingewilligt haben (Art. 6 Abs. 1 Buchst. a
DSGVO, § 25 Abs. 1 TDDDG). Dann erhalten diese Anbieter Ihre IP-Adresse, sie können Cookies
setzen und Daten erheben, auch in Staaten außerhalb der Europäischen Union. Ihre Einwilligung
können Sie jederzeit in den [Datenschutz-Einstellungen](/datenschutz-einstellungen/) ändern
oder widerrufen. Die folgende Übersicht führt jedes Cookie einzeln auf.
"""
