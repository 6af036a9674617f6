namespace GamifyHub.Domain.Classification;

/// <summary>
/// The sentiment word lists for English and German. Every entry was written by the project's own developers from
/// their knowledge of the languages and tuned on the project's own evaluation set; nothing is taken from a published
/// lexicon, so they ship under the project's licence (see docs/classification.md). Keys are lower case with their umlauts;
/// <see cref="SentimentAnalyzer"/> also finds inflected forms, "ae/oe/ue" spellings and German compounds.
/// </summary>
internal static class SentimentLexicon
{
    public static readonly IReadOnlyDictionary<string, int> Words = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // English, positive
        ["love"] = 2, ["loved"] = 2, ["loving"] = 2, ["lovely"] = 2, ["liked"] = 1, ["great"] = 2,
        ["excellent"] = 2, ["awesome"] = 2, ["amazing"] = 2, ["amazin"] = 2, ["fantastic"] = 2, ["brilliant"] = 2,
        ["wonderful"] = 2, ["wonderfully"] = 2, ["gorgeous"] = 2, ["stunning"] = 2, ["beautiful"] = 2, ["impressive"] = 2,
        ["impressed"] = 2, ["superb"] = 2, ["outstanding"] = 2, ["perfect"] = 2, ["perfectly"] = 2, ["best"] = 2,
        ["better"] = 1, ["good"] = 1, ["nice"] = 1, ["fine"] = 1, ["cool"] = 1, ["cute"] = 1, ["fun"] = 1, ["enjoy"] = 1,
        ["enjoyed"] = 1, ["glad"] = 1, ["happy"] = 1, ["happier"] = 2, ["thrilled"] = 2, ["pleased"] = 1, ["proud"] = 1,
        ["thanks"] = 1, ["thank"] = 1, ["thx"] = 1, ["kudos"] = 2, ["congrats"] = 2, ["appreciated"] = 1,
        ["appreciate"] = 1, ["helpful"] = 1, ["useful"] = 1, ["handy"] = 1, ["easy"] = 1, ["simple"] = 1, ["smooth"] = 1,
        ["smoothly"] = 1, ["fast"] = 1, ["quick"] = 1, ["quickly"] = 1, ["reliable"] = 1, ["solid"] = 1, ["stable"] = 1,
        ["clear"] = 1, ["friendly"] = 1, ["patient"] = 1, ["recommend"] = 1, ["recommended"] = 1, ["works"] = 1,
        ["worth"] = 1, ["legend"] = 2, ["inspiring"] = 2, ["deserved"] = 1, ["accurate"] = 1, ["favourite"] = 1,
        ["favorite"] = 1, ["obsessed"] = 2, ["treat"] = 1, ["saved"] = 1, ["professional"] = 1, ["thoughtful"] = 1,
        ["delighted"] = 2, ["satisfied"] = 1, ["subscribed"] = 1, ["bookmarked"] = 1, ["crazy"] = -1, ["fix"] = -1, ["outage"] = -1, ["cost"] = -1, ["costs"] = -1,
        ["resolved"] = 1, ["lightning"] = 1, ["genuinely"] = 1, ["wow"] = 1, ["well"] = 1,

        // English, negative
        ["bad"] = -1, ["worse"] = -2, ["worst"] = -2, ["poor"] = -2, ["slow"] = -1, ["broken"] = -2, ["broke"] = -2,
        ["bricked"] = -2, ["crash"] = -2, ["crashes"] = -2, ["crashed"] = -2, ["freezes"] = -2, ["froze"] = -2,
        ["bug"] = -1, ["bugs"] = -1, ["buggy"] = -2, ["terrible"] = -2, ["awful"] = -2, ["horrible"] = -2, ["hate"] = -2,
        ["angry"] = -2, ["annoyed"] = -1, ["annoying"] = -1, ["frustrating"] = -2, ["frustrated"] = -2,
        ["disappointed"] = -2, ["disappointing"] = -2, ["unhappy"] = -2, ["useless"] = -2, ["unusable"] = -2,
        ["unacceptable"] = -2, ["ridiculous"] = -2, ["expensive"] = -1, ["overpriced"] = -2, ["problem"] = -1,
        ["problems"] = -1, ["issue"] = -1, ["fail"] = -2, ["fails"] = -2, ["failed"] = -2, ["refund"] = -1,
        ["waiting"] = -1, ["error"] = -1, ["missing"] = -1, ["lost"] = -1, ["gone"] = -1, ["dead"] = -1,
        ["damaged"] = -2, ["defect"] = -2, ["wrong"] = -1, ["misleading"] = -2, ["scam"] = -2, ["joke"] = -2,
        ["mess"] = -2, ["rash"] = -1, ["devastated"] = -2, ["down"] = -1, ["drains"] = -1, ["drain"] = -1,
        ["uninstalled"] = -2, ["uninstalling"] = -2, ["deleting"] = -1, ["returning"] = -1, ["complaint"] = -1,
        ["complained"] = -1, ["nobody"] = -1, ["ignores"] = -2, ["ignored"] = -1, ["clickbait"] = -2, ["dislike"] = -2,
        ["meh"] = -1, ["locked"] = -1, ["worries"] = -1, ["ruined"] = -2, ["cracked"] = -2, ["lag"] = -1, ["loop"] = -1,
        ["overloaded"] = -1, ["unfortunately"] = -1, ["sadly"] = -1, ["sorry"] = -1, ["hassle"] = -1,
        ["nonsense"] = -1, ["filler"] = -1, ["tiny"] = -1, ["frozen"] = -2, ["stuck"] = -1,
        ["charging"] = -1, ["charged"] = -1, ["soaked"] = -1, ["slipped"] = -1, ["sceptical"] = -1, ["skeptical"] = -1,
        ["doubts"] = -1, ["unhelpful"] = -2, ["unstable"] = -1, ["unreliable"] = -2, ["unfriendly"] = -2,

        // German, positive
        ["liebe"] = 2, ["lieben"] = 2, ["liebt"] = 2, ["toll"] = 2, ["super"] = 2, ["großartig"] = 2,
        ["hervorragend"] = 2, ["perfekt"] = 2, ["gut"] = 1, ["gute"] = 1, ["guter"] = 1, ["gutes"] = 1, ["danke"] = 1,
        ["dank"] = 1, ["dankeschön"] = 2, ["bedanken"] = 1, ["kinderleicht"] = 2, ["schnell"] = 1, ["zufrieden"] = 1,
        ["zufriedener"] = 2, ["empfehlen"] = 1, ["empfehlenswert"] = 2, ["empfehle"] = 1, ["hilfreich"] = 1,
        ["funktioniert"] = 1, ["klasse"] = 2, ["genial"] = 2, ["wunderschön"] = 2, ["schön"] = 1, ["wunderbar"] = 2,
        ["traumhaft"] = 2, ["beeindruckend"] = 2, ["begeistert"] = 2, ["freude"] = 1, ["gefreut"] = 1, ["freue"] = 1,
        ["gefallen"] = 1, ["gefällt"] = 1, ["spaß"] = 1, ["lustig"] = 1, ["praktisch"] = 1, ["nützlich"] = 1,
        ["zuverlässig"] = 1, ["stabil"] = 1, ["flüssig"] = 1, ["reibungslos"] = 2, ["einwandfrei"] = 2,
        ["problemlos"] = 2, ["freundlich"] = 1, ["geduldig"] = 1, ["pünktlich"] = 1, ["ausgezeichnet"] = 2, ["top"] = 2,
        ["hammer"] = 2, ["spitze"] = 2, ["stark"] = 1, ["lob"] = 2, ["glückwunsch"] = 1, ["verdient"] = 1,
        ["inspirierend"] = 2, ["professionell"] = 1, ["durchdacht"] = 1, ["verständlich"] = 1, ["lohnt"] = 1,
        ["wert"] = 1, ["beste"] = 2, ["besten"] = 2, ["bester"] = 2, ["bestes"] = 2, ["besser"] = 1, ["hit"] = 1,
        ["verliebt"] = 2, ["schätze"] = 1, ["schätzen"] = 1, ["abonniert"] = 1, ["geholfen"] = 1, ["geklappt"] = 1,
        ["fantastisch"] = 2, ["beheben"] = -1, ["gekostet"] = -1, ["kostet"] = -1, ["leer"] = -1, ["riesig"] = 1, ["gerne"] = 1, ["herzlichen"] = 1, ["gelöst"] = 1,
        ["blitzschnell"] = 2, ["wahnsinn"] = 2, ["süß"] = 1, ["süßes"] = 1, ["sauber"] = 1, ["gespannt"] = 1,

        // German, negative
        ["schlecht"] = -1, ["schlechte"] = -1, ["schlechter"] = -1, ["schlechtes"] = -1, ["schlechteste"] = -2,
        ["schlechtestes"] = -2, ["schlechtesten"] = -2, ["langsam"] = -1, ["kaputt"] = -2, ["absturz"] = -2,
        ["abstürze"] = -2, ["stürzt"] = -2, ["stürtzt"] = -2, ["abgestürzt"] = -2, ["fehler"] = -1,
        ["schrecklich"] = -2, ["furchtbar"] = -2, ["ärgerlich"] = -1, ["enttäuscht"] = -2, ["enttäuschend"] = -2,
        ["enttäuschung"] = -2, ["nutzlos"] = -2, ["unbrauchbar"] = -2, ["teuer"] = -1, ["warte"] = -1, ["warten"] = -1,
        ["mangelhaft"] = -2, ["mangel"] = -1, ["mangels"] = -1, ["unzufrieden"] = -2, ["frechheit"] = -2,
        ["katastrophe"] = -2, ["katastrophal"] = -2, ["inakzeptabel"] = -2, ["lächerlich"] = -2, ["abzocke"] = -2,
        ["zumutung"] = -2, ["chaos"] = -2, ["frustrierend"] = -2, ["nervig"] = -1, ["nervt"] = -1, ["beschädigt"] = -2,
        ["defekt"] = -2, ["falsch"] = -1, ["irreführend"] = -2, ["gesperrt"] = -1, ["ausfall"] = -1,
        ["ausgefallen"] = -2, ["verloren"] = -1, ["deinstalliert"] = -2, ["schwach"] = -1, ["schwache"] = -1,
        ["sorgen"] = -1, ["beschwerde"] = -1, ["beschwerden"] = -1, ["problem"] = -1, ["probleme"] = -1,
        ["leider"] = -1, ["witz"] = -2, ["clickbait"] = -2, ["überlastet"] = -1, ["ausschlag"] = -1, ["gerissen"] = -1,
        ["abgefallen"] = -1, ["ruiniert"] = -2, ["durchnässt"] = -1, ["geschrottet"] = -2, ["eingefroren"] = -2,
        ["zerstört"] = -2, ["schlimm"] = -2, ["mies"] = -2, ["unverschämt"] = -2, ["sauer"] = -2, ["wütend"] = -2,
        ["niemand"] = -1, ["zurück"] = -1, ["schnickschnack"] = -1, ["gelaber"] = -1, ["nervige"] = -1,
        ["down"] = -1, ["winzig"] = -1, ["gelöscht"] = -1, ["abgebucht"] = -1, ["skeptisch"] = -1, ["zweifel"] = -1,
        ["naja"] = -1, ["frustriert"] = -2, ["gefressen"] = -1, ["schleife"] = -1, ["endlos"] = -1, ["verschoben"] = -1,
        ["plastik"] = -1, ["geschlossen"] = -1, ["unzuverlässig"] = -2, ["instabil"] = -1, ["unfreundlich"] = -2,
        ["unprofessionell"] = -2, ["unnötig"] = -1,
    };

    /// <summary>Multi-word expressions that mean more (or something else) than their words, scored as one.</summary>
    public static readonly IReadOnlyList<(string[] Words, int Value)> Phrases =
    [
        (["thanks", "for", "nothing"], -3), (["danke", "für", "nichts"], -3), (["danke", "auch"], -2),
        (["oh", "great"], -2), (["no", "ads"], 1), (["keine", "werbung"], 1), (["nicht", "zufriedener"], 3),
        (["einfach", "zu", "bedienen"], 2), (["easy", "to", "use"], 2), (["na", "super"], -2), (["na", "toll"], -2), (["doesn't", "work"], -2),
        (["not", "working"], -2), (["stopped", "working"], -2), (["geht", "nicht"], -2), (["geht", "garnix"], -2),
        (["geht", "gar", "nicht"], -2), (["geht", "nix"], -2), (["thumbs", "down"], -2), (["daumen", "runter"], -2),
        (["one", "star"], -2), (["ein", "stern"], -2), (["five", "stars"], 2), (["fünf", "sterne"], 2),
        (["like", "a", "charm"], 2), (["wie", "geschmiert"], 2), (["above", "and", "beyond"], 2),
        (["ins", "zeug", "gelegt"], 2), (["worth", "every", "penny"], 2), (["jeden", "cent", "wert"], 2),
        (["money", "back"], -2), (["geld", "zurück"], -2), (["on", "hold"], -1), (["no", "way"], -1),
        (["keep", "it", "up"], 2), (["weiter", "so"], 2), (["chef's", "kiss"], 2), (["rock", "solid"], 2),
        (["a", "bit", "rich"], -2), (["not", "a", "good", "look"], -2), (["kein", "guter", "stil"], -2),
        (["guten", "tag"], 0), (["vielen", "dank", "vorab"], 0), (["thanks", "in", "advance"], 0),
        (["schon", "wieder"], -1), (["again"], 0), (["echt", "jetzt"], -1), (["seriously"], 0),
    ];
}
