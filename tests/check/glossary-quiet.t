traduki check --only=glossary --glossary=glossary.tbx glossary-good.po
