"""Where a solution comes from, in order of least intrusion (PRODUCT.md, seed 001):
the person's own strengths first, long-term council support last. Plain Python."""

TIERS = (
    ("own_strengths", "The person's own strengths"),
    ("family_friends", "Family and friends"),
    ("community", "Community"),
    ("information", "Information and advice"),
    ("technology", "Technology-enabled care and equipment"),
    ("short_term", "Short-term council support"),
    ("long_term", "Long-term council support"),
)
ORDER = {key: index for index, (key, _) in enumerate(TIERS)}
COUNCIL_FUNDED = {"short_term", "long_term"}
