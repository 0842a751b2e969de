# A glossary that is not TBX: a usage error, before any catalog is read.
traduki check --glossary=coverage-nl.po coverage-nl.po
