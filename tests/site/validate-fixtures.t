# The fixtures follow the contract: manifests, articles and chrome are
# valid against their schemas.
traduki validate -q --schema="$top_srcdir/content/manifest.rng" xml/*/manifest.xml &&
traduki validate -q --schema="$top_srcdir/content/article.rng" $(ls xml/*/*.xml | grep -v -e manifest.xml -e site.xml) &&
traduki validate -q --schema="$top_srcdir/content/site.rng" xml/*/site.xml && echo valid
