"""Vocabularies for ``make_corpus.py``: invented people, body kinds, item topics, phrasings.

Every person the corpus generator produces is invented: first names and surnames are combined
at random from the lists below. The surname list deliberately avoids every surname that occurs
in the real sample protocols, so no generated full name can coincide with a person named there.
Organisation, agreement and body names are generic or public institutions, never people.
"""

FIRST_NAMES_F = (
    "Agneta", "Alice", "Anneli", "Annika", "Asta", "Astrid", "Barbro", "Beatrice", "Berit",
    "Camilla", "Carola", "Cecilia", "Charlotte", "Dagny", "Ebba", "Elin", "Elisabet",
    "Ellinor", "Emelie", "Emma", "Frida", "Gunilla", "Hanna", "Hedvig", "Helena", "Ida",
    "Ingela", "Ingeborg", "Irene", "Jenny", "Josefin", "Kajsa", "Katarina", "Kristina",
    "Lena", "Linda", "Linnea", "Lisa", "Louise", "Lovisa", "Madeleine", "Maja", "Malin",
    "Margit", "Marianne", "Matilda", "Monica", "Petra", "Pia", "Ragnhild", "Rebecka",
    "Sara", "Signe", "Sofia", "Solveig", "Susanne", "Therese", "Tove", "Ulrika", "Viveka",
    "Åsa", "Anna-Stina", "Eva-Lena", "Britt-Marie", "Ann-Charlotte", "Mari-Louise",
)

FIRST_NAMES_M = (
    "Adam", "Albin", "Alf", "Anders", "Arvid", "Axel", "Bengt", "Bertil", "Birger",
    "Carl", "Dan", "Einar", "Emil", "Erland", "Folke", "Fredrik", "Gunnar", "Gustav",
    "Hampus", "Hans", "Henrik", "Hugo", "Ingvar", "Jesper", "Joakim", "Johannes", "Jonas",
    "Kent", "Kjell", "Klas", "Lars-Erik", "Leif", "Linus", "Ludvig", "Mats", "Mikael",
    "Nils", "Olof", "Oskar", "Patrik", "Per", "Peter", "Rasmus", "Rolf", "Rune", "Sixten",
    "Staffan", "Sten", "Sune", "Sven", "Tobias", "Torbjörn", "Torsten", "Ture", "Valter",
    "Viktor", "Vilhelm", "Åke", "Örjan-Olof", "Per-Anders", "Jan-Erik", "Karl-Johan",
)

SURNAMES = (
    "Alm", "Almqvist", "Axelsson", "Backlund", "Bergdahl", "Berggren", "Bergkvist",
    "Bergman", "Berglöf", "Björklund", "Blixt", "Boman", "Dahlberg", "Dahlin", "Ek",
    "Ekberg", "Ekdahl", "Eklöf", "Ekström", "Engberg", "Engström", "Falkman", "Forsberg",
    "Forslund", "Fransson", "Frisk", "Gran", "Grönlund", "Hagberg",
    "Hagström", "Hallberg", "Hedberg", "Hedlund", "Hellström", "Henriksson", "Holm",
    "Holmberg", "Holmgren", "Hägglund", "Isberg", "Jakobsson", "Jansson", "Junesjö",
    "Kvist", "Kullberg", "Lantz", "Lindahl", "Lindberg", "Lindblad", "Lindblom",
    "Lindell", "Lindgren", "Lindholm", "Lindkvist", "Lindmark", "Lundberg", "Lundgren",
    "Lundin", "Lundmark", "Löfgren", "Magnusson", "Malm", "Mattsby", "Melin", "Modig",
    "Mårtensson", "Norberg", "Nordin", "Nordqvist", "Norén", "Nyberg", "Nyström",
    "Olausson", "Palm", "Pettersson", "Ragnarsson", "Rosén", "Ruuth", "Sandberg",
    "Sandström", "Sjölund", "Sjöström", "Skoglund", "Stenberg", "Strand", "Strömberg",
    "Sundberg", "Sundqvist", "Svedberg", "Söderlund", "Sörensen", "Tapper", "Torstensson",
    "Wallin", "Westberg", "Wikström", "Vikner", "Åberg", "Åkesson", "Ålund", "Öberg",
    "Östlund", "Öhman", "Bergvall-Holm", "Lind Ekman", "Norell", "Hjortberg", "Tallqvist",
)

# Parties: (letters before 2015, letters from 2015) -- Folkpartiet became Liberalerna.
PARTIES = (("S", "S"), ("S", "S"), ("M", "M"), ("C", "C"), ("FP", "L"), ("KD", "KD"),
           ("V", "V"), ("MP", "MP"), ("SD", "SD"))

OFFICIAL_TITLES = (
    "socialchef", "förvaltningschef", "hälso- och sjukvårdsdirektör", "utvecklingsledare",
    "verksamhetschef", "medicinskt ansvarig sjuksköterska", "områdeschef", "processledare",
    "äldreomsorgschef", "enhetschef", "strateg", "projektledare", "samordnare",
)

# County seat (short municipality name) per county code, for places.
COUNTY_SEATS = {
    "01": "Stockholm", "03": "Uppsala", "04": "Nyköping", "05": "Linköping",
    "06": "Jönköping", "07": "Växjö", "08": "Kalmar", "09": "Visby", "10": "Karlskrona",
    "12": "Malmö", "13": "Halmstad", "14": "Göteborg", "17": "Karlstad", "18": "Örebro",
    "19": "Västerås", "20": "Falun", "21": "Gävle", "22": "Härnösand", "23": "Östersund",
    "24": "Umeå", "25": "Luleå",
}

BUILDINGS_LANDSTING = ("Landstingshuset", "Landstingets kansli", "Landstingshuset, plan 3")
BUILDINGS_REGION = ("Regionens hus", "Regionhuset", "Regionkansliet")
BUILDINGS_OTHER = ("Stadshuset", "Kommunhuset", "Folkets hus", "Medborgarhuset",
                   "Kunskapscentrum", "Hotell Stadsparken")
ROOMS = ("Styrelserummet", "Sal A", "Sal B", "Konferensrum Fjället", "Konferensrum Ljusdal",
         "Rum Linnéa", "Sessionssalen", "Lilla salen", "Rum Tallen", "Rum Björken",
         "Konferensrum Älven", "Rum Gläntan")
STREETS = ("Storgatan", "Kungsgatan", "Drottninggatan", "Sjögatan", "Järnvägsgatan",
           "Skolgatan", "Parkvägen", "Norra vägen", "Kyrkogatan", "Hamngatan")
DIGITAL_PLACES = ("Teams", "Digitalt via Teams", "Skype", "Zoom")

# Body kinds: (name variants with optional acronym, political?, genitive form builder is in code)
# Each variant: (full name, acronym or None)
BODY_KINDS = (
    # 0: social care group of politicians, with an acronym
    (("Sociala vård- och omsorgsgruppen", "SVOM"),
     ("Politiska samverkansgruppen för vård och omsorg", "PSVO"),
     ("Länsgruppen för social välfärd", "LGSV"),
     ("Regionala samverkansberedningen för hälsa och välfärd", "RSHV"),
     ("Sociala beredningsgruppen", "SBG")),
    # 1: länssamordningsgrupp of officials
    (("Länssamordningsgrupp", "LSG"),
     ("Länssamordningsgruppen för vård och omsorg", "LSG"),
     ("Länsstyrgruppen för välfärd och hälsa", "LSVH")),
    # 2: samverkansråd (political, no acronym)
    (("Specifika samverkansrådet för social välfärd samt vård och omsorg", None),
     ("Regionala samverkansrådet för vård och omsorg", None),
     ("Samverkansrådet för hälsa, vård och omsorg", None),
     ("Länets samverkansråd för välfärd och folkhälsa", None)),
    # 3: chefsgrupp of officials (no acronym)
    (("Chefsgruppen för social välfärd samt vård och omsorg", None),
     ("Länets chefsgrupp för vård och omsorg", None),
     ("Chefsnätverket för hälsa och välfärd", None),
     ("Socialchefsgruppen", None)),
)
POLITICAL_KINDS = (0, 2)

# Other bodies/networks/groups mentioned in items (names used in text).
MENTIONED_BODIES = (
    "Fredagsgruppen", "Barnarenan", "Chefsgruppen", "SocSam", "Beredningsgruppen",
    "Vårdplaneringsgruppen", "Läkemedelsrådet", "Nätverket för anhörigstöd",
    "Arbetsgruppen för psykisk hälsa", "Styrgruppen för Vård- och omsorgscollege",
    "Samverkansgruppen för barn och unga", "Länets e-hälsogrupp", "Gråzonsgruppen",
    "Tvärgruppen", "Nätverket för socialpsykiatri", "Regionala styrgruppen för e-hälsa",
    "Brukarrådet", "Beroendenätverket", "Demensnätverket", "Rehabgruppen",
)

# Agreements, joint services, systems and programmes.
AGREEMENTS = (
    "Meddix", "NPÖ", "LOSUS-avtalet", "Vård- och omsorgscollege", "hemsjukvårdsavtal",
    "Cosmic LINK", "Apodos", "Prator", "SIP", "Senior Alert", "Mina vårdkontakter",
    "God och nära vård", "Bättre liv för sjuka äldre", "PRIO psykisk ohälsa",
    "Hjälpmedelsavtalet", "Trygg hemgång", "Läkemedelsavtalet", "Tandvårdsavtalet",
    "Länsöverenskommelsen om missbruk", "Överenskommelsen om psykisk hälsa",
    "Samordnad vårdplanering", "Kunskap till praktik", "Digital vårdplanering",
    "Avtal om vårdhygien", "Barnahus", "Närvaroteam i skolan", "Hemsjukvårdsöverenskommelsen",
    # invented joint services
    "Omsorgslänken", "Vårdbryggan", "Samplan", "Länskompassen", "Trygghetsnoden",
    "Hemvårdsportalen", "Kompetenslyftet Omsorg", "Välfärdsnavet",
)

OTHER_ORGS = (
    "Socialstyrelsen", "Inera", "Försäkringskassan", "Arbetsförmedlingen", "Polisen",
    "Inspektionen för vård och omsorg", "Cambio", "Apoteket", "Kommunal", "Vårdförbundet",
    "Folkhälsomyndigheten", "Kriminalvården", "Migrationsverket", "Socialdepartementet",
    "Statskontoret", "Myndigheten för delaktighet",
)
# Name of the association of municipalities and regions by year.
SKL_BEFORE_2020 = "SKL"
SKR_FROM_2020 = "SKR"

# Item topics: (title, agreements possibly involved, bodies possibly involved, orgs possibly involved)
TOPICS = (
    ("E-hälsa och informationsöverföring", ("Meddix", "NPÖ", "Mina vårdkontakter"), ("Länets e-hälsogrupp",), ("Inera",)),
    ("Upphandling av nytt vårdplaneringssystem", ("Meddix", "Prator", "Digital vårdplanering"), ("Vårdplaneringsgruppen",), ("Cambio",)),
    ("Förlängning av LOSUS-avtalet", ("LOSUS-avtalet",), (), ()),
    ("Omcertifiering Vård- och omsorgscollege", ("Vård- och omsorgscollege",), ("Styrgruppen för Vård- och omsorgscollege",), ("Arbetsförmedlingen", "Kommunal")),
    ("Nytt hemsjukvårdsavtal", ("hemsjukvårdsavtal", "Hemsjukvårdsöverenskommelsen"), ("Chefsgruppen",), ()),
    ("Cosmic LINK - framtida samverkan", ("Cosmic LINK", "NPÖ"), (), ("Cambio",)),
    ("Apodos - lägesrapport", ("Apodos",), ("Läkemedelsrådet",), ("Apoteket",)),
    ("Samordnad individuell plan", ("SIP", "Samordnad vårdplanering"), ("Samverkansgruppen för barn och unga",), ()),
    ("God och nära vård", ("God och nära vård",), ("Chefsgruppen",), ("Socialstyrelsen",)),
    ("Bättre liv för sjuka äldre", ("Bättre liv för sjuka äldre", "Senior Alert"), ("Fredagsgruppen",), ("Socialstyrelsen",)),
    ("Psykisk hälsa - förstärkt samverkan", ("PRIO psykisk ohälsa", "Överenskommelsen om psykisk hälsa"), ("Arbetsgruppen för psykisk hälsa",), ("Folkhälsomyndigheten",)),
    ("Hjälpmedelsverksamheten", ("Hjälpmedelsavtalet",), ("Rehabgruppen",), ()),
    ("Trygg hemgång efter sjukhusvård", ("Trygg hemgång",), ("Vårdplaneringsgruppen",), ()),
    ("Läkemedelsgenomgångar i särskilt boende", ("Läkemedelsavtalet",), ("Läkemedelsrådet",), ("Apoteket",)),
    ("Uppsökande tandvård", ("Tandvårdsavtalet",), (), ("Försäkringskassan",)),
    ("Missbruk och beroende", ("Länsöverenskommelsen om missbruk", "Kunskap till praktik"), ("Beroendenätverket",), ("Kriminalvården",)),
    ("Barn och unga i behov av samordnade insatser", ("Barnahus", "Närvaroteam i skolan"), ("Barnarenan",), ("Polisen",)),
    ("Vårdhygien i kommunal vård och omsorg", ("Avtal om vårdhygien",), (), ("Folkhälsomyndigheten",)),
    ("Kompetensförsörjning inom vård och omsorg", ("Kompetenslyftet Omsorg", "Vård- och omsorgscollege"), (), ("Arbetsförmedlingen", "Vårdförbundet")),
    ("Omsorgslänken - införande", ("Omsorgslänken",), ("Länets e-hälsogrupp",), ("Inera",)),
    ("Vårdbryggan - utvärdering", ("Vårdbryggan",), ("Vårdplaneringsgruppen",), ()),
    ("Samplan för utskrivningsklara", ("Samplan", "Samordnad vårdplanering"), ("Tvärgruppen",), ()),
    ("Länskompassen - gemensam uppföljning", ("Länskompassen",), (), ("Statskontoret",)),
    ("Trygghetsnoden och digitala trygghetslarm", ("Trygghetsnoden",), ("Länets e-hälsogrupp",), ()),
    ("Hemvårdsportalen", ("Hemvårdsportalen", "Mina vårdkontakter"), (), ("Inera",)),
    ("Välfärdsnavet - regional stödstruktur", ("Välfärdsnavet",), ("Nätverket för socialpsykiatri",), ()),
    ("Demensvård i samverkan", ("Senior Alert",), ("Demensnätverket",), ()),
    ("Anhörigstöd", (), ("Nätverket för anhörigstöd",), ()),
    ("Statsbidrag och stimulansmedel", ("PRIO psykisk ohälsa",), (), ("Socialdepartementet", "Socialstyrelsen")),
    ("Översyn av samverkansstrukturen", (), ("Fredagsgruppen", "Gråzonsgruppen", "SocSam"), ()),
    ("Rehabilitering i samverkan", ("Hemsjukvårdsöverenskommelsen",), ("Rehabgruppen",), ()),
    ("Ensamkommande barn och unga", (), ("Barnarenan",), ("Migrationsverket",)),
    ("Tillsyn och egenkontroll", (), (), ("Inspektionen för vård och omsorg",)),
    ("Personer med funktionsnedsättning", (), ("Brukarrådet",), ("Myndigheten för delaktighet",)),
)

# Formal items at the start and end of a meeting: (title variants, kind)
OPENING_ITEMS = (
    (("Mötet öppnas", "Sammanträdet öppnas", "Mötets öppnande"), "open"),
    (("Val av justerare", "Justerare utses", "Val av justerare och tid för justering"), "adjuster"),
    (("Fastställande av dagordning", "Godkännande av dagordning", "Fastställande av föredragningslista"), "agenda"),
    (("Föregående protokoll", "Föregående möte och protokoll", "Föregående mötesanteckningar"), "minutes"),
)
CLOSING_ITEMS = (
    (("Övriga frågor", "Övrig punkt", "Övriga ärenden"), "other"),
    (("Kommande möten", "Mötestider", "Nästa möte"), "dates"),
    (("Mötet avslutas", "Sammanträdet avslutas", "Mötets avslutande"), "close"),
)
ROUND_ITEMS = ("Laget runt – läget i kommunerna", "Aktuellt från huvudmännen", "Rapporter från ledamöterna")

# Generic running-text sentences (no named entities; slot {x} = the topic in lower case).
FILLER = (
    "Bakgrunden är att nationella satsningar ställer allt större krav på samverkan mellan huvudmännen.",
    "Arbetet har bedrivits i en partssammansatt arbetsgrupp under hösten.",
    "En nulägesbeskrivning har tagits fram och skickats ut till samtliga kommuner inför mötet.",
    "I den efterföljande diskussionen lyfts att frågan är komplex och berör flera verksamheter.",
    "Flera ledamöter framhåller vikten av att arbetet förankras både politiskt och på tjänstemannanivå.",
    "Det finns skillnader mellan kommunerna när det gäller förutsättningar och arbetssätt.",
    "Kostnaderna fördelas enligt den modell som tidigare har använts, utifrån befolkningsandel.",
    "Frågor ställs om tidplanen och om hur uppföljningen ska ske.",
    "Svar ges att en första avrapportering planeras till nästa sammanträde.",
    "En workshop genomfördes under våren i syfte att skapa en gemensam målbild.",
    "Resultatet visar att mycket handlar om brister i processerna snarare än i enskilda verksamheter.",
    "Erfarenheterna från andra län har samlats in och jämförts.",
    "Det påtalas att brukarperspektivet behöver bli tydligare i det fortsatta arbetet.",
    "Synpunkter framförs om att dokumentationen behöver förenklas.",
    "Arbetsgruppen har träffats vid fyra tillfällen sedan förra mötet.",
    "Remisstiden går ut i slutet av månaden och synpunkter ska lämnas skriftligt.",
    "En enkät har skickats till verksamheterna och svarsfrekvensen var god.",
    "Det konstateras att tidigare beslut i stort har genomförts enligt plan.",
    "Ekonomin är ansträngd i flera kommuner vilket påverkar möjligheten till nya åtaganden.",
    "Det framhålls att arbetet ska ske med individens behov i fokus.",
    "En diskussion förs om vilken nivå som ska ansvara för genomförandet.",
    "Ansvarsfördelningen mellan huvudmännen behöver förtydligas i flera avseenden.",
    "Projektet har enligt utvärderingen fallit väl ut och brukarna är nöjda.",
    "Underlaget presenteras med stöd av en bildpresentation.",
    "Ett förslag till kostnadsfördelning har tagits fram och bifogas handlingarna.",
    "Det är angeläget att länet uppfyller grundkraven för att ta del av prestationsmedlen.",
    "Statistiken för det senaste halvåret visar en positiv utveckling.",
    "Det saknas i dag en samlad bild av hur många personer som berörs.",
    "Rutinerna har reviderats och skickats ut på remiss till samtliga parter.",
    "Flera verksamheter efterfrågar tydligare stöd i implementeringen.",
    "Frågan har tidigare diskuterats på tjänstemannanivå utan att någon lösning nåtts.",
    "Det finns en risk att arbetet stannar av om inte finansieringen säkras.",
    "Avtalstiden föreslås bli lika lång för samtliga parter.",
    "Uppföljningen ska redovisas med könsuppdelad statistik där det är möjligt.",
    "Det betonas att arbetet måste samordnas med pågående nationella initiativ.",
)
FILLER_TOPIC = (
    "Arbetet med {x} har pågått sedan föregående år.",
    "När det gäller {x} finns ett fortsatt behov av gemensamma rutiner.",
    "Inom området {x} har flera förbättringar genomförts.",
    "Ett förslag till handlingsplan för {x} har tagits fram.",
    "Uppföljningen av {x} visar att målen delvis har uppnåtts.",
)
BULLETS = (
    "Tydligare ansvarsfördelning mellan huvudmännen",
    "Gemensam utbildningsinsats för berörd personal",
    "Uppföljning två gånger per år",
    "Förenklad dokumentation",
    "Bättre information till brukare och närstående",
    "Samordnad planering vid utskrivning",
    "Gemensamma indikatorer för uppföljning",
    "Förstärkt stöd till mindre kommuner",
    "Översyn av avtalets ekonomiska modell",
    "Digitala möten som förstahandsalternativ",
)

PRESENT_VERBS = ("informerar om", "redovisar", "går igenom", "föredrar")
PRESENT_VERBS_PAST = ("informerade om", "redovisade", "gick igenom", "föredrog")

# Decision phrasings. {B} = body name, {A} = acronym or body name, {T} = topic object,
# {P} = principals phrase, {X} = an assignee, {N} = a person's full name.
DECISION_DECIDE = (
    "{B} beslutar att fastställa {T} enligt förslaget.",
    "{B} godkänner {T}.",
    "{A} ställer sig bakom {T}.",
    "{B} beslutar att {T} ska gälla från och med årsskiftet.",
    "{B} fastställer {T} med de ändringar som framkom vid mötet.",
)
DECISION_RECOMMEND = (
    "{B} rekommenderar {P} att besluta om {T} enligt förslaget.",
    "{B} rekommenderar {P} att anta {T}.",
    "{A} rekommenderar {P} att fastställa {T}.",
)
DECISION_ASSIGN = (
    "{B} ger {X} i uppdrag att ta fram ett förslag om {T} till nästa sammanträde.",
    "{B} uppdrar åt {X} att utreda {T}.",
    "{X} får i uppdrag att återkomma med en redovisning av {T}.",
    "{N} återkommer till {A} med förslag om {T}.",
)
DECISION_NOTED = (
    "Informationen noteras.",
    "{A} har tagit del av informationen, ställt frågor och fått svar.",
    "Rapporten läggs till handlingarna.",
    "Informationen noterades och lades till handlingarna.",
)
# Plain-sentence decisions for the numbered-items layout (past tense).
PLAIN_DECIDE = ("Ledamöterna godkände {T}.", "Rådet ställde sig bakom {T}.", "{T_cap} godkändes.")
PLAIN_RECOMMEND = ("Rådet rekommenderar {P} att anta {T}.",)
PLAIN_ASSIGN = ("{X} fick i uppdrag att ta fram ett förslag om {T}.",
                "{N} återkommer med en redovisning av {T}.")
PLAIN_NOTED = ("Informationen noterades.", "Rapporten lades till handlingarna.")

PRINCIPALS = ("huvudmännen", "kommunerna och {R}", "länets kommuner och {R}", "huvudmännen att")
ASSIGNEES = ("arbetsgruppen", "Chefsgruppen", "beredningsgruppen", "kansliet", "projektledaren",
             "samordningskansliet")
# ASSIGNEES that are bodies (for mentions).
ASSIGNEE_BODIES = ("Chefsgruppen",)

TOPIC_OBJECTS = (
    "handlingsplanen", "den reviderade rutinen", "överenskommelsen", "uppdragsbeskrivningen",
    "kostnadsfördelningen", "verksamhetsplanen", "projektplanen", "riktlinjen",
    "den gemensamma målbilden", "avsiktsförklaringen",
)
# Reports of another body's earlier decision (not a decision of this body).
REPORTED_DECISIONS = (
    "{O} beslutade vid sitt senaste möte att avvakta med ytterligare piloter.",
    "{O} har tidigare beslutat att arbetsgruppen ska avslutas.",
    "{O} beslutade i våras att frågan ska återkomma i höst.",
)

ATTACHMENT_TITLES = (
    "Handlingsplan {t} {y}", "Förslag till reviderad rutin, {d}", "Uppdragsbeskrivning {t}",
    "Skrivelse med kostnadsfördelning för {t}", "Lägesrapport {t} {y}", "Protokollsutdrag {a} {d}",
    "Projektplan {t}", "Avtalsförslag {t}, {d}",
)

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
WEEKDAYS = ("Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag")

# Sentences that name an entity; {e} = the entity's name as it stands in the text.
AGREEMENT_SENTENCES = (
    "Nuvarande avtal för {e} löper ut vid årsskiftet och behöver förlängas.",
    "{e} används nu i samtliga kommuner i länet.",
    "En lägesrapport om {e} lämnas.",
    "Antalet användare av {e} har ökat under året.",
    "Det finns brister i hur {e} tillämpas i verksamheterna.",
    "Uppföljningen av {e} visar på fortsatta utvecklingsbehov.",
)
BODY_SENTENCES = (
    "Frågan har även behandlats i {e}.",
    "{e} har lämnat synpunkter på förslaget.",
    "En representant från {e} deltar i det fortsatta arbetet.",
    "Förslaget har stämts av med {e}.",
)
ORG_SENTENCES = (
    "Kontakt har tagits med {e} i frågan.",
    "{e} har aviserat nya krav inom området.",
    "Även {e} berörs av förändringen.",
    "Underlag har inhämtats från {e}.",
)

# Years in which an agreement/programme can be named (others: any year 2010-2025).
AGREEMENT_YEARS = {
    "God och nära vård": (2018, 2025),
    "LOSUS-avtalet": (2018, 2025),
    "Bättre liv för sjuka äldre": (2010, 2014),
    "PRIO psykisk ohälsa": (2012, 2016),
    "Cosmic LINK": (2014, 2025),
    "Kunskap till praktik": (2010, 2012),
    "Samplan": (2017, 2025),
}
