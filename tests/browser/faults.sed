# Faults a translator might make, put into a copy of po/nl.po so that the
# status and review pages the browser tests check show every kind of
# problem: a translation the build rejects, a changed number, a French
# space before a colon, a term the glossary translates otherwise.
s|^msgstr "De campagne <em>I Say Stop</em> trok langs de Belgische wegen"|msgstr "De campagne <em>I Say Stop</strong> trok langs de Belgische wegen"|
s|^msgstr "De campagnevrachtwagen legde in acht weken 28\.859\(.*\)km af\."|msgstr "De campagnevrachtwagen legde in acht weken 28.589\1km af."|
s|^"Brussel, een van de drukste wegen van het land. De eindbalans: "|"Brussel, een van de drukste wegen van het land. De eindbalans : "|
s|^"In 2015 zullen tussen 3.000 en 3.500 niet-begeleide minderjarige "|"In 2015 zullen tussen 3.000 en 3.500 alleenstaande minderjarige "|
