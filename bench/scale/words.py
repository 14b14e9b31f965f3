"""The words the benchmark data is made of: names, interests, places and sentences."""

FIRST = [
    "Amina",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Finn",
    "Grace",
    "Hassan",
    "Isla",
    "Jack",
    "Kiran",
    "Leah",
    "Mo",
    "Nia",
    "Owen",
    "Priya",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Zoe",
]
LAST = [
    "Ahmed",
    "Baxter",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Novak",
    "Okafor",
    "Patel",
    "Roberts",
    "Shah",
    "Taylor",
    "Walsh",
    "Young",
]
SKILLS = ["gardening", "cooking", "listening", "fixing things"]
TOPICS = [
    "walking",
    "choir",
    "gardening",
    "astronomy",
    "knitting",
    "cooking",
    "chess",
    "swimming",
    "reading",
    "football",
    "art",
    "computers",
    "dancing",
    "history",
]
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Postcode districts of the synthetic borough, with their centres (about 2 miles apart).
DISTRICTS = {f"BB{n}": (52.60 + 0.03 * (n % 3), -1.20 + 0.04 * (n // 3)) for n in range(1, 10)}
THEMES = ["social", "active", "learning", "interests", "transport"]
SENTENCES = [
    "We met at the library café, which {n} chose because it is quiet.",
    "{n} told me about the garden and the tomatoes this year.",
    "{n} would like to get back to the choir on Thursdays.",
    "Her sister visits on Sundays and helps with shopping.",
    "{n} walks to the shop most days and knows everyone there.",
    "We talked about what a good week looks like.",
    "{n} said the stairs are harder since the winter.",
    "The neighbour takes in parcels and checks in most evenings.",
    "{n} wants to cook for the grandchildren again.",
    "We agreed to ring the walking group together next week.",
]
STEPS = ["gather", "ideas", "planning", "review"]
CLOSING_OUTCOMES = ["information_advice", "community", "short_term", "long_term", "no_services"]
