traduki help validate
