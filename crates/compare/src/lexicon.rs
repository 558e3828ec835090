//! Hand-written word lists used by the rule-based entity, quote and claim extractors:
//! titles, organisation and location cues, a small gazetteer of countries and major cities,
//! speech verbs and number words. Written by hand (not derived from any evaluation data).

/// Titles and roles that precede a person's name ("Foreign Minister", "fire chief").
pub const TITLES: &[&str] = &[
    "president", "minister", "secretary", "chancellor", "mayor", "chief", "director", "spokesman",
    "spokeswoman", "spokesperson", "general", "gen", "colonel", "col", "king", "queen", "prince",
    "princess", "pope", "senator", "sen", "governor", "gov", "ambassador", "envoy", "judge", "mr",
    "mrs", "ms", "dr", "prof", "professor", "sir", "lord", "lady", "ceo", "cfo", "coo", "chairman",
    "chairwoman", "chair", "commander", "officer", "leader", "premier", "deputy", "vice", "foreign",
    "interior", "defence", "defense", "prime", "sheikh", "emir", "councillor", "councilor",
    "inspector", "sergeant", "captain", "capt", "lieutenant", "activist", "analyst", "executive",
    "representative", "rep", "congressman", "congresswoman", "lawmaker", "founder", "head",
    "manager", "correspondent", "reporter", "economist", "strategist", "attorney", "lawyer",
    "coach", "chancellor", "archbishop", "bishop", "cardinal", "rabbi", "imam", "father",
    "reverend", "rev", "admiral", "marshal", "major", "sgt", "lt", "ayatollah", "crown",
    "justice", "treasurer", "commissioner", "superintendent", "dean", "rector", "sister",
    "brother", "saint", "st", "mp", "mep", "sultan", "vizier", "opposition", "finance", "trade",
    "economy", "health", "education", "transport", "energy", "environment", "agriculture",
    "labour", "labor", "culture", "information", "justice", "housing", "chairperson", "emeritus",
    "senior", "former", "acting", "then", "interim", "spokesperson", "boss", "owner", "partner",
    "fighter", "resident", "engineer", "doctor", "nurse", "teacher", "student", "official",
];

/// Organisation heads: a name ending with (or containing) one of these is an organisation.
pub const ORG_WORDS: &[&str] = &[
    "company", "companies", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
    "plc", "co", "group", "agency", "authority", "union", "council", "ministry", "department",
    "observatory", "party", "coalition", "army", "forces", "force", "bank", "university",
    "college", "association", "office", "commission", "committee", "court", "airlines",
    "airways", "airline", "news", "wire", "times", "post", "ledger", "daily", "radio",
    "institute", "foundation", "organisation", "organization", "federation", "nations",
    "helmets", "service", "services", "board", "reserve", "exchange", "motors", "motor",
    "systems", "technologies", "technology", "holdings", "industries", "international",
    "network", "networks", "press", "journal", "herald", "tribune", "gazette", "courier",
    "telegraph", "guardian", "channel", "television", "tv", "broadcasting", "police", "navy",
    "guard", "assembly", "parliament", "congress", "senate", "cabinet", "government",
    "administration", "front", "movement", "brigade", "brigades", "league", "alliance",
    "society", "club", "fund", "trust", "partners", "capital", "securities", "investments",
    "energy", "oil", "petroleum", "pharmaceuticals", "labs", "laboratories", "hospital",
    "school", "academy", "church", "mission", "commando", "militia", "watch", "program",
    "programme", "bureau", "secretariat", "directorate", "command", "center", "centre",
    "initiative", "consortium", "electronics", "software", "media", "records", "studios",
    "pictures", "entertainment", "communications", "telecom", "airbus", "aerospace",
    "aeronautics", "defence", "defense", "dynamics", "stores", "mart", "markets", "nv", "ag",
    "sa", "gmbh", "spa", "ab", "as", "asa", "oyj", "kk", "bhd", "pty", "lp", "llp",
];

/// Lowercase words that, right after a name, say it names an organisation.
pub const ORG_AFTER: &[&str] = &[
    "faction", "group", "party", "company", "agency", "firm", "militia", "movement", "brigade",
    "network", "newspaper", "channel", "airline", "bank", "carrier", "maker", "manufacturer",
    "automaker", "giant", "retailer", "subsidiary", "unit", "division", "organisation",
    "organization", "coalition", "alliance", "union", "rebels", "monitor", "broadcaster",
    "daily", "insurer", "lender", "conglomerate", "team", "club", "shares", "stock", "board",
];

/// Location heads: a name ending with one of these is a place.
pub const LOC_WORDS: &[&str] = &[
    "river", "valley", "falls", "city", "province", "district", "street", "square", "mountains",
    "mountain", "mount", "mt", "island", "islands", "sea", "ocean", "lake", "bay", "gulf",
    "coast", "county", "region", "state", "avenue", "road", "bridge", "peninsula", "desert",
    "strait", "canal", "heights", "hills", "park", "airport", "port", "harbour", "harbor",
    "town", "village", "camp", "plain", "plains", "basin", "delta", "forest", "reservoir",
    "dam", "highway", "boulevard", "quarter", "republic", "kingdom", "emirates", "territory",
    "territories", "oblast", "prefecture", "governorate", "canyon", "beach", "cape",
];

/// Lowercase words that, right after a name, say it names a place.
pub const LOC_AFTER: &[&str] = &[
    "district", "province", "city", "town", "village", "region", "neighbourhood",
    "neighborhood", "area", "areas", "camp", "suburb", "county", "state", "river", "valley",
    "border", "airport", "port", "coast", "governorate", "countryside", "enclave", "front",
];

/// Prepositions after which an unknown name is likely a place.
pub const LOC_BEFORE: &[&str] = &[
    "in", "at", "near", "from", "to", "across", "outside", "into", "towards", "toward",
    "around", "throughout", "inside", "via", "through",
];

/// Countries, regions and major cities (hand-written gazetteer).
pub const PLACES: &[&str] = &[
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia",
    "brazil", "bulgaria", "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia",
    "congo", "croatia", "cuba", "cyprus", "czech republic", "denmark", "ecuador", "egypt",
    "eritrea", "estonia", "ethiopia", "finland", "france", "georgia", "germany", "ghana",
    "greece", "guatemala", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
    "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya",
    "korea", "north korea", "south korea", "kosovo", "kuwait", "latvia", "lebanon", "libya",
    "lithuania", "luxembourg", "malaysia", "mali", "mexico", "moldova", "mongolia", "morocco",
    "mozambique", "myanmar", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
    "nigeria", "norway", "oman", "pakistan", "palestine", "panama", "paraguay", "peru",
    "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda",
    "saudi arabia", "senegal", "serbia", "singapore", "slovakia", "slovenia", "somalia",
    "south africa", "spain", "sri lanka", "sudan", "south sudan", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey", "turkmenistan",
    "uganda", "ukraine", "united arab emirates", "uae", "united kingdom", "uk", "britain",
    "great britain", "england", "scotland", "wales", "united states", "us", "usa", "america",
    "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "europe",
    "asia", "africa", "middle east", "latin america", "north america", "south america",
    "gaza", "west bank", "crimea", "kurdistan", "tibet", "hong kong", "macau", "aleppo",
    "damascus", "idlib", "homs", "raqqa", "mosul", "baghdad", "beirut", "tehran", "ankara",
    "istanbul", "moscow", "washington", "new york", "london", "paris", "berlin", "brussels",
    "geneva", "rome", "madrid", "lisbon", "vienna", "warsaw", "prague", "budapest", "athens",
    "stockholm", "oslo", "copenhagen", "helsinki", "amsterdam", "dublin", "kyiv", "kiev",
    "minsk", "beijing", "shanghai", "tokyo", "seoul", "delhi", "new delhi", "mumbai",
    "karachi", "islamabad", "kabul", "cairo", "riyadh", "doha", "dubai", "abu dhabi",
    "jerusalem", "tel aviv", "amman", "tripoli", "tunis", "algiers", "rabat", "nairobi",
    "lagos", "johannesburg", "cape town", "sydney", "melbourne", "toronto", "montreal",
    "vancouver", "ottawa", "chicago", "los angeles", "san francisco", "boston", "seattle",
    "houston", "dallas", "miami", "atlanta", "detroit", "philadelphia", "denver", "texas",
    "california", "florida", "michigan", "ohio", "virginia", "illinois", "arizona", "nevada",
    "alaska", "hawaii", "oregon", "toulouse", "hamburg", "munich", "frankfurt", "milan",
    "barcelona", "manchester", "birmingham", "glasgow", "edinburgh", "hangzhou", "tartus",
    "latakia", "daraa", "palmyra", "deir ezzor", "ramussa", "kefraya", "fouaa", "europe",
    "mediterranean", "pacific", "atlantic", "arctic", "antarctica", "scandinavia", "balkans",
    "caucasus", "sahara", "sahel", "siberia", "bavaria", "quebec", "ontario", "alberta",
    "singapore", "manila", "jakarta", "bangkok", "hanoi", "kuala lumpur", "taipei", "mexico city",
    "sao paulo", "rio de janeiro", "buenos aires", "santiago", "lima", "bogota", "caracas",
    "havana", "wall street", "silicon valley", "cupertino", "seville", "everett", "wichita",
    "mobile", "alabama", "kansas", "washington state", "south carolina", "north carolina",
    "new jersey", "pennsylvania", "massachusetts", "wisconsin", "minnesota", "kentucky",
    "tennessee", "georgia", "louisiana", "missouri", "indiana", "iowa", "utah", "colorado",
];

/// Demonyms and nationality adjectives: never an entity on their own.
pub const DEMONYMS: &[&str] = &[
    "syrian", "russian", "american", "german", "french", "british", "chinese", "iranian",
    "turkish", "iraqi", "israeli", "palestinian", "lebanese", "jordanian", "saudi", "egyptian",
    "european", "western", "eastern", "arab", "kurdish", "italian", "spanish", "japanese",
    "korean", "indian", "pakistani", "afghan", "ukrainian", "polish", "dutch", "belgian",
    "swiss", "swedish", "norwegian", "danish", "finnish", "canadian", "mexican", "brazilian",
    "australian", "african", "asian", "shiite", "sunni", "muslim", "christian", "jewish",
    "islamic", "international", "national", "federal", "regional", "northern", "southern",
];

/// Words that are never names: days, months and common sentence openers.
pub const NOT_NAMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "i", "we", "you", "he", "she", "it", "they", "this", "that", "these",
    "those", "there", "here", "but", "and", "or", "if", "when", "while", "as", "after", "before",
    "since", "despite", "meanwhile", "however", "although", "though", "among", "once", "key",
    "read", "more", "related", "source", "sources", "photo", "update", "updated", "breaking",
    "home", "news", "sport", "weather", "today", "yesterday", "tomorrow", "mr", "mrs", "ms",
    "dr", "new", "last", "next", "first", "second", "third", "several", "many", "some", "all",
    "no", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "what", "who", "why", "how", "where", "which", "our", "my", "his", "her", "their", "its",
    "a", "an", "the", "on", "in", "at", "of", "for", "to", "by", "with", "from", "about",
    "christmas", "easter", "ramadan", "eid", "pm", "am", "gmt", "utc", "est",
];

/// Common first names (a short hand-written list; names elsewhere are found by titles and
/// speech verbs).
pub const FIRST_NAMES: &[&str] = &[
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
    "larry", "justin", "scott", "brandon", "benjamin", "samuel", "frank", "gregory", "raymond",
    "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry",
    "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold",
    "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur",
    "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie",
    "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
    "russell", "elijah", "louis", "bobby", "philip", "johnny", "mary", "patricia", "jennifer",
    "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa",
    "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy",
    "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
    "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela",
    "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine",
    "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce",
    "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan",
    "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
    "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
    "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
    "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla",
    "steve", "tim", "tom", "bill", "bob", "jim", "mike", "dave", "tony", "ben", "sam", "nick",
    "barack", "vladimir", "sergei", "sergey", "angela", "bashar", "recep", "tayyip", "francois",
    "emmanuel", "theresa", "boris", "hillary", "bernie", "nicolas", "silvio", "hassan", "ali",
    "mohammed", "muhammad", "mohammad", "ahmed", "ahmad", "abdullah", "omar", "khalid",
    "ibrahim", "yusuf", "youssef", "yasser", "mustafa", "hussein", "rami", "mahmoud", "abdel",
    "abu", "ivan", "dmitri", "dmitry", "alexei", "alexey", "mikhail", "igor", "oleg", "olga",
    "natalia", "tatiana", "hans", "klaus", "jurgen", "wolfgang", "helmut", "gerhard", "angelika",
    "pierre", "jean", "jacques", "michel", "philippe", "alain", "louis", "marco", "giuseppe",
    "giovanni", "luca", "carlos", "luis", "miguel", "pedro", "manuel", "antonio", "francisco",
    "javier", "fernando", "hiroshi", "takashi", "kenji", "li", "wang", "zhang", "xi", "jiang",
    "tim", "steve", "elon", "jeff", "larry", "sundar", "satya", "jony", "phil", "rick", "fritz",
    "louis", "gustav", "lars", "erik", "anders", "nils", "ingrid", "astrid", "sven", "mats",
    "jonas", "lena", "mira", "petter", "aino", "katarina", "katharina", "michele", "kofi",
    "ban", "antonio", "staffan", "federica", "jens", "ursula", "josep", "jean-claude",
];

/// Verbs that report speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adding", "stated", "states", "warned",
    "warns", "announced", "announces", "replied", "replies", "charged", "vowed", "vows",
    "insisted", "insists", "explained", "noted", "notes", "wrote", "writes", "declared",
    "declares", "claimed", "claims", "argued", "argues", "reported", "reports", "confirmed",
    "confirms", "maintains", "maintained", "repeated", "acknowledged", "admitted", "asserted",
    "stressed", "urged", "predicted", "estimated", "estimates", "puts", "put",
];

/// Lowercase words that start a noun phrase naming a speaker ("a military source").
pub const SPEAKER_DETERMINERS: &[&str] = &["a", "an", "the", "one", "another", "its", "his", "her"];

/// Number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
    ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0),
    ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0), ("hundred", 100.0),
    ("a hundred", 100.0), ("thousand", 1000.0), ("a thousand", 1000.0), ("dozen", 12.0),
    ("a dozen", 12.0),
];

/// Fraction words and their values.
pub const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5), ("a half", 0.5), ("one half", 0.5), ("a third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0), ("one-third", 1.0 / 3.0), ("two thirds", 2.0 / 3.0),
    ("two-thirds", 2.0 / 3.0), ("a quarter", 0.25), ("one quarter", 0.25),
    ("three quarters", 0.75), ("three-quarters", 0.75), ("a fifth", 0.2), ("one fifth", 0.2),
    ("two fifths", 0.4), ("three fifths", 0.6), ("four fifths", 0.8),
];

/// Whether `word` (any case) is in `list`.
pub fn has(list: &[&str], word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    list.contains(&w)
}
