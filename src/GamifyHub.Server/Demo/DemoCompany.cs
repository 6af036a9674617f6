using GamifyHub.Domain.Topics;

namespace GamifyHub.Server.Demo;

/// <summary>The demo company "Nimbus": departments, people, routing rules and customer voices.</summary>
public static class DemoCompany
{
    public const string Password = "Demo-Pass-2026!";
    public const string ApiKey = "demo-ingest-key";

    /// <summary>The demo season: running when the demo is first started (or first started with seasons), so its board shows.</summary>
    public const string SeasonId = "winter-listening-sprint";
    public const string SeasonName = "Winter Listening Sprint";
    public const int SeasonStartedDaysAgo = 10;
    public const int SeasonEndsInDays = 21;

    /// <param name="Topics">Taxonomy topics (<see cref="Domain.Topics.DefaultTaxonomy"/>) the department's routing rule matches too.</param>
    public sealed record DepartmentSeed(string Slug, string Name, bool IsTriage, string[] Keywords, string[]? Topics = null);

    public sealed record SignIn(string Email, string DisplayName, string Role, string? DepartmentSlug);

    public static readonly IReadOnlyList<DepartmentSeed> Departments =
    [
        new("rnd", "Research & Development", false,
            ["crash", "bug", "error", "freeze", "battery", "update", "api", "absturz", "stürzt", "fehler", "akku", "hängt"],
            [DefaultTaxonomy.Bugs, DefaultTaxonomy.Account]),
        new("product", "Product Management", false,
            ["feature", "wish", "would love", "please add", "missing", "roadmap", "dark mode", "wünsche", "funktion", "fehlt", "bitte fügt"],
            [DefaultTaxonomy.FeatureRequest]),
        new("marketing", "Marketing", false,
            ["ad", "ads", "campaign", "newsletter", "brand", "influencer", "werbung", "kampagne", "marke", "gewinnspiel"]),
        new("service", "Customer Service", true,
            ["support", "hotline", "waiting", "refund", "help", "answer", "kundenservice", "erstattung", "hilfe", "antwort", "warte"],
            [DefaultTaxonomy.Support, DefaultTaxonomy.Billing]),
        new("sales", "Sales", false,
            ["price", "pricing", "contract", "discount", "offer", "subscription", "preis", "vertrag", "rabatt", "angebot", "abo"],
            [DefaultTaxonomy.Pricing]),
        new("logistics", "Operations & Logistics", false,
            ["delivery", "shipping", "package", "parcel", "courier", "lieferung", "versand", "paket", "zusteller"],
            [DefaultTaxonomy.Delivery]),
    ];

    public static readonly IReadOnlyList<SignIn> SignIns =
    [
        new("admin@demo.gamifyhub", "Alex Admin", "Admin", null),
        new("lena.mueller@demo.gamifyhub", "Lena Müller", "Manager", "rnd"),
        new("ravi.patel@demo.gamifyhub", "Ravi Patel", "Employee", "rnd"),
        new("sofia.rossi@demo.gamifyhub", "Sofia Rossi", "Employee", "service"),
    ];

    /// <summary>Simulated colleagues (fictional names), spread over the departments.</summary>
    public static readonly IReadOnlyList<(string Name, string DepartmentSlug)> Colleagues =
    [
        ("Jonas Becker", "rnd"), ("Mei Chen", "rnd"), ("Tobias Wagner", "rnd"), ("Amara Okafor", "rnd"), ("Lukas Schmidt", "rnd"),
        ("Hannah Fischer", "product"), ("Diego Alvarez", "product"), ("Nina Weber", "product"), ("Omar Haddad", "product"),
        ("Laura Schulz", "product"), ("Felix Hoffmann", "marketing"), ("Chloé Martin", "marketing"), ("Sara Lindqvist", "marketing"),
        ("Paul Richter", "marketing"), ("Emma Koch", "marketing"), ("Marco Bianchi", "service"), ("Aylin Yilmaz", "service"),
        ("Jan Novak", "service"), ("Lea Braun", "service"), ("Kenji Sato", "service"), ("Mia Zimmermann", "service"),
        ("David Klein", "sales"), ("Priya Sharma", "sales"), ("Max Wolf", "sales"), ("Julia Neumann", "sales"),
        ("Tom Schröder", "sales"), ("Ines Lange", "logistics"), ("Piotr Kowalski", "logistics"), ("Anna Krüger", "logistics"),
        ("Ben Hartmann", "logistics"), ("Clara Vogel", "logistics"), ("Elias Frank", "rnd"), ("Sophie Keller", "product"),
        ("Noah Berger", "service"), ("Lina Roth", "sales"), ("Yusuf Demir", "marketing"),
    ];

    public static readonly IReadOnlyList<string> Channels = ["facebook", "linkedin", "x", "xing", "youtube", "instagram", "appstore", "blog"];

    public static readonly IReadOnlyList<string> Products = ["Nimbus App", "Nimbus Speaker", "Nimbus Cloud", "Nimbus Watch"];

    /// <summary>The demo's taxonomy: the default topics and the products above, each by its name and what customers call it.</summary>
    public static readonly Taxonomy Taxonomy = DefaultTaxonomy.With(
    [
        new("Nimbus App", ["nimbus app", "app", "android", "ios", "iphone"]),
        new("Nimbus Speaker", ["nimbus speaker", "speaker", "lautsprecher", "box"]),
        new("Nimbus Cloud", ["nimbus cloud", "cloud", "sync", "synchronisieren", "backup"]),
        new("Nimbus Watch", ["nimbus watch", "smartwatch", "uhr"]),
    ]);

    /// <summary>Customer voices; "{p}" is replaced by a product name.</summary>
    public static readonly IReadOnlyList<string> EnglishVoices =
    [
        "The {p} keeps crashing every time I open the settings. Really annoying!",
        "Love the new {p} update, it is so fast now. Great job!",
        "Would love a dark mode in the {p}. Please add it!",
        "Still waiting for support to answer my ticket about the {p}. Two weeks now.",
        "My {p} package never arrived, the courier says it was delivered. What now?",
        "Is there a discount for the {p} subscription if I pay yearly?",
        "Saw your new ad campaign for the {p}, really funny and well made.",
        "The battery of my {p} drains in a few hours since the last update.",
        "Thanks to your hotline team, they fixed my {p} problem in five minutes.",
        "The {p} price went up again. Why should I keep my contract?",
        "Shipping took ten days for the {p}. That is too slow.",
        "Feature request: export my data from the {p} as CSV.",
        "I get an error 500 when syncing the {p}. Any idea?",
        "The {p} is the best purchase I made this year, highly recommend.",
        "Your newsletter about the {p} is spam, I never signed up for it.",
        "How do I connect the {p} to my calendar?",
        "The {p} app freezes on Android 15, please fix this bug.",
        "Very disappointed with the {p}. It is missing basic features.",
        "Nice design of the {p}, but the manual is confusing.",
        "Got a refund for my broken {p} without any hassle. Thank you!",
        "The {p} API documentation is outdated, the examples fail.",
        "Any plans to bring the {p} to more countries? It is on my wish list.",
        "Influencer posts about the {p} feel fake. Just show the product.",
        "The {p} works perfectly with my other devices. Easy setup.",
        "Why is there no offer for students on the {p}?",
        "Terrible experience with the {p} delivery, the parcel was damaged.",
        "The new {p} update broke my widgets.",
        "Customer service for the {p} was friendly and helpful.",
    ];

    public static readonly IReadOnlyList<string> GermanVoices =
    [
        "Die {p} stürzt ständig ab, sobald ich die Einstellungen öffne. Sehr ärgerlich!",
        "Das neue Update der {p} ist super, alles ist viel schneller. Danke!",
        "Ich wünsche mir einen Dunkelmodus für die {p}. Bitte fügt das hinzu!",
        "Ich warte seit zwei Wochen auf eine Antwort vom Kundenservice zur {p}.",
        "Mein Paket mit der {p} ist nie angekommen, der Zusteller sagt, es wurde geliefert.",
        "Gibt es einen Rabatt auf das {p} Abo bei jährlicher Zahlung?",
        "Eure neue Werbung für die {p} ist richtig witzig und gut gemacht.",
        "Der Akku meiner {p} ist seit dem letzten Update nach wenigen Stunden leer.",
        "Danke an die Hotline, mein Problem mit der {p} war in fünf Minuten gelöst.",
        "Der Preis für die {p} ist schon wieder gestiegen. Warum soll ich meinen Vertrag behalten?",
        "Der Versand der {p} hat zehn Tage gedauert. Viel zu langsam.",
        "Funktionswunsch: Daten aus der {p} als CSV exportieren.",
        "Beim Synchronisieren der {p} bekomme ich einen Fehler 500.",
        "Die {p} ist mein bester Kauf dieses Jahr, absolut zu empfehlen.",
        "Euer Newsletter zur {p} ist Spam, ich habe mich nie angemeldet.",
        "Wie verbinde ich die {p} mit meinem Kalender?",
        "Die {p} hängt unter Android 15, bitte behebt diesen Fehler.",
        "Sehr enttäuscht von der {p}. Es fehlen grundlegende Funktionen.",
        "Schönes Design der {p}, aber die Anleitung ist verwirrend.",
        "Erstattung für meine kaputte {p} ging problemlos. Vielen Dank!",
        "Die API-Dokumentation der {p} ist veraltet, die Beispiele schlagen fehl.",
        "Kommt die {p} auch in weitere Länder? Steht auf meiner Wunschliste.",
        "Die Lieferung der {p} war eine Katastrophe, das Paket war beschädigt.",
        "Der Kundenservice zur {p} war freundlich und hilfreich.",
        "Das Gewinnspiel zur {p} Kampagne war toll, gerne mehr davon.",
        "Gibt es ein Angebot für Studierende für die {p}?",
    ];

    public static readonly IReadOnlyList<string> Handles =
    [
        "@techtina", "@mark_d", "@nimbusfan42", "@ruhrpott_rudi", "@annika.s", "@dev_jules", "@käthe_k", "@sam_reviews",
        "@berlinbyte", "@lotta.l", "@grumpygadget", "@maxmustermann", "@happy_hiker", "@carla.codes", "@the_real_ole",
        "@mia_m", "@frankfurtfox", "@paula_p", "@wiener_wolf", "@niko.n",
    ];

    public static string EmailFor(string name) =>
        string.Concat(name.ToLowerInvariant().Replace(' ', '.')
            .Replace("ü", "ue").Replace("ö", "oe").Replace("ä", "ae").Replace("é", "e").Replace("ß", "ss")) + "@demo.gamifyhub";
}
