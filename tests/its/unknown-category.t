# A category that ITS 2.0 has but traduki does not compute.
traduki its --category=provenance x.xml
