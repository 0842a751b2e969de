traduki check --only=glossary --glossary=glossary.tbx glossary-bad.po
