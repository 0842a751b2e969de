# A category that ITS 2.0 has but traduki does not compute.
traduki its --category=terminology x.xml
