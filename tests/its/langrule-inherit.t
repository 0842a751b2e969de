# A langRule whose pointer finds no value on an element (no @lang there)
# leaves that element the language it inherits.
traduki its --category=languageinformation data/langrule-inherit.xml | grep -v its:
