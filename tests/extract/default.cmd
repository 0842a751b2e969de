# Each NAME.xml here is a case: extracted with the shared rules, with a fixed
# date, the template is compared with NAME.out.  See README.md.
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --source-lang=en --its=rules.its --package-name=its-cases "$input"
