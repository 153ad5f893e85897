using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Data;

/// <summary>A demo municipality's town: where its newcomers live and their children go to school.</summary>
public sealed record DemoTown(
    string City, int Seed, string[] PostcodeDigits, string[] Streets, string[] PrimarySchools, string[] SecondarySchools, string[] DayCare, string[] NearbyCities,
    string FirstGivenName, string FirstFamilyName, DateOnly FirstBorn, string FirstBsn);

/// <summary>
/// About forty fictional newcomers for one demo municipality, drawn from a fixed seed so every fresh demo
/// holds the same people: varied origins, ages and families, trades coded in ESCO, languages with their
/// level, talents, networks and wishes. Intakes are at different stages, as in a real caseload: the longer
/// someone lives here the more parts are recorded, but some newer dossiers hold only the basics.
/// All names and numbers are made up; BSNs start with 9999, which is never issued.
/// </summary>
public sealed class DemoNewcomers
{
    public const int PerMunicipality = 40;

    private static readonly Origin[] Origins =
    [
        new("Syrië", "Syrische", "Arabisch", SchoolingProfile.Mixed, 24,
            ["Mohammed", "Ahmad", "Khaled", "Omar", "Rami", "Yousef", "Bashar", "Hassan", "Mahmoud", "Fadi", "Samer", "Tarek"],
            ["Samira", "Rasha", "Lina", "Nour", "Hiba", "Reem", "Dima", "Rana", "Fatima", "Huda", "Ghalia", "Yara"],
            ["Haddad", "Al-Khatib", "Darwish", "Hamdan", "Al-Masri", "Khalil", "Sabbagh", "Najjar", "Aziz", "Shami", "Qassem", "Halabi"],
            [("Engels", 0.35), ("Turks", 0.15)]),
        new("Syrië", "Syrische", "Koerdisch (Kurmanji)", SchoolingProfile.Mixed, 6,
            ["Dilovan", "Rezan", "Shiyar", "Azad", "Baran", "Heval"],
            ["Rojda", "Jiyan", "Berivan", "Hevin", "Nesrin", "Zozan"],
            ["Ibrahim", "Hussein", "Sheikho", "Osman", "Mustafa", "Bakr"],
            [("Arabisch", 0.95), ("Engels", 0.2)]),
        new("Eritrea", "Eritrese", "Tigrinya", SchoolingProfile.Low, 20,
            ["Yonas", "Dawit", "Tesfay", "Mebrahtu", "Kidane", "Filmon", "Robel", "Semere", "Biniam", "Henok"],
            ["Senait", "Helen", "Selam", "Winta", "Mihret", "Saba", "Lidya", "Hiwet", "Freweyni"],
            ["Tesfay", "Gebremedhin", "Haile", "Kidane", "Tekle", "Ghebreyesus", "Berhane", "Asmerom", "Woldu", "Abraha"],
            [("Amhaars", 0.3), ("Arabisch", 0.2), ("Engels", 0.4)]),
        new("Afghanistan", "Afghaanse", "Dari", SchoolingProfile.Low, 12,
            ["Ahmad", "Farid", "Javad", "Mustafa", "Hamid", "Sohrab", "Nasir", "Rahim", "Wahid", "Jawid"],
            ["Zahra", "Maryam", "Fereshta", "Parwana", "Nazanin", "Shabnam", "Laila", "Roya"],
            ["Rahimi", "Ahmadi", "Hashimi", "Karimi", "Sultani", "Haidari", "Noori", "Amiri", "Popal", "Stanikzai"],
            [("Pashto", 0.35), ("Engels", 0.3), ("Urdu", 0.1)]),
        new("Turkije", "Turkse", "Turks", SchoolingProfile.High, 12,
            ["Mehmet", "Emre", "Murat", "Hakan", "Kemal", "Serkan", "Burak", "Mustafa"],
            ["Ayşe", "Elif", "Zeynep", "Fatma", "Esra", "Derya", "Gül", "Merve"],
            ["Yılmaz", "Demir", "Kaya", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan"],
            [("Engels", 0.7), ("Koerdisch (Kurmanji)", 0.15), ("Duits", 0.1)]),
        new("Jemen", "Jemenitische", "Arabisch", SchoolingProfile.Mixed, 8,
            ["Abdullah", "Saleh", "Nabil", "Waleed", "Fuad", "Hamza", "Ali"],
            ["Amal", "Arwa", "Bushra", "Sabah", "Nadia", "Afrah"],
            ["Al-Hakimi", "Saleh", "Al-Aghbari", "Ba-Wazir", "Al-Qadhi", "Al-Sanani", "Mansour", "Obaid"],
            [("Engels", 0.35)]),
        new("Oekraïne", "Oekraïense", "Oekraïens", SchoolingProfile.High, 6,
            ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Ivan"],
            ["Olena", "Iryna", "Nataliia", "Oksana", "Yuliia", "Kateryna", "Tetiana"],
            ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Savchuk"],
            [("Russisch", 0.9), ("Engels", 0.6), ("Pools", 0.1)]),
        new("Irak", "Iraakse", "Koerdisch (Sorani)", SchoolingProfile.Mixed, 3,
            ["Karwan", "Hawre", "Rebwar", "Sherzad"], ["Shilan", "Dilan", "Tara", "Avin"],
            ["Ahmed", "Qadir", "Rasul", "Salih"], [("Arabisch", 0.7), ("Engels", 0.3)]),
        new("Iran", "Iraanse", "Farsi", SchoolingProfile.High, 3,
            ["Reza", "Babak", "Dariush", "Kian"], ["Shirin", "Mina", "Parisa", "Niloofar"],
            ["Mohammadi", "Hosseini", "Jafari", "Rezaei"], [("Engels", 0.7)]),
        new("Somalië", "Somalische", "Somalisch", SchoolingProfile.Low, 3,
            ["Abdirahman", "Mohamed", "Abdi", "Yusuf"], ["Hodan", "Fadumo", "Ayaan", "Sahra"],
            ["Warsame", "Farah", "Abdi", "Hassan"], [("Arabisch", 0.3), ("Engels", 0.3)]),
        new("Soedan", "Soedanese", "Arabisch", SchoolingProfile.Mixed, 3,
            ["Osman", "Elnour", "Musa", "Adam"], ["Amna", "Hawa", "Maha", "Safa"],
            ["Abdelrahman", "Elhassan", "Adam", "Ismail"], [("Engels", 0.4)]),
    ];

    // Former trades as ESCO v1.1 occupations (© European Union, reused with attribution): URI and Dutch label.
    private static readonly Trade Cook = new("http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e", "kok", "Horeca", ["koken", "bakken"], ["koken voor een groep"]);
    private static readonly Trade Hairdresser = new("http://data.europa.eu/esco/occupation/099c6bb0-22d3-4c5d-8bf5-70910af381ef", "kapper", "Kappersopleiding", ["kunst"], ["knippen en kappen"]);
    private static readonly Trade Barber = new("http://data.europa.eu/esco/occupation/4e0c14d6-b170-40f1-bcdc-703c0b92109b", "herenkapper", "Kappersopleiding", [], ["knippen en kappen"]);
    private static readonly Trade Tailor = new("http://data.europa.eu/esco/occupation/978ae3a2-0831-415a-8396-b84dde656fc5", "herenkleermaker", "Kleding en mode", ["naaien", "handwerk"], ["naaien"]);
    private static readonly Trade Dressmaker = new("http://data.europa.eu/esco/occupation/5589e8e0-48d9-4193-8c85-86ba9f17e0e9", "dames- en kinderkleermaker", "Kleding en mode", ["naaien", "handwerk"], ["naaien"]);
    private static readonly Trade Electrician = new("http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0", "monteur elektrische installaties", "Elektrotechniek", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade Welder = new("http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b", "lasser", "Metaaltechniek", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade TruckDriver = new("http://data.europa.eu/esco/occupation/45037d43-a8f5-4f46-b332-b2935bc305f4", "vrachtwagenchauffeur", "Transport en logistiek", [], []);
    private static readonly Trade PrimaryTeacher = new("http://data.europa.eu/esco/occupation/03d79393-7b30-4159-945b-01963eddd302", "leraar basisonderwijs", "Pedagogiek", ["kinderen", "lezen"], ["lesgeven"]);
    private static readonly Trade SecondaryTeacher = new("http://data.europa.eu/esco/occupation/5efb2c08-ba3a-4659-a2e4-1883f54e77b6", "leerkracht voortgezet onderwijs", "Wiskunde", ["lezen"], ["lesgeven"]);
    private static readonly Trade Nurse = new("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50", "algemeen verpleegkundige", "Verpleegkunde", ["ouderen"], ["zorgen voor ouderen"]);
    private static readonly Trade Farmer = new("http://data.europa.eu/esco/occupation/1c1e86f9-6347-42d6-aa6e-c95b138bf640", "landbouwer gemengd bedrijf", "Landbouw", ["tuinieren", "dieren", "natuur"], ["tuinieren"]);
    private static readonly Trade Carpenter = new("http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4", "timmerman", "Bouw en hout", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade ShopKeeper = new("http://data.europa.eu/esco/occupation/bf89925d-00a1-4f94-ab3b-2148c887af33", "detailhandelaar", "Handel", [], []);
    private static readonly Trade CarMechanic = new("http://data.europa.eu/esco/occupation/4ad4024e-d1d3-4dea-b6d1-2c7948111dce", "automonteur", "Autotechniek", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade Accountant = new("http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897", "accountant", "Economie", ["computers"], []);
    private static readonly Trade Dentist = new("http://data.europa.eu/esco/occupation/e52b5707-7097-4dbc-ac61-054e917da241", "tandarts", "Tandheelkunde", [], ["voorlichting aan landgenoten"]);
    private static readonly Trade SoftwareDeveloper = new("http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software ontwikkelaar", "Informatica", ["computers", "spellen"], ["lesgeven"]);
    private static readonly Trade Baker = new("http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419", "bakker", "Horeca", ["bakken", "koken"], ["koken voor een groep"]);
    private static readonly Trade Bricklayer = new("http://data.europa.eu/esco/occupation/05f321f8-055b-407d-bf19-e0ddabda56b7", "metselaar", "Bouw", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade TaxiDriver = new("http://data.europa.eu/esco/occupation/6f7c1e84-8162-4c20-a575-b57ff624eef5", "taxichauffeur", "Transport", [], []);
    private static readonly Trade Pharmacist = new("http://data.europa.eu/esco/occupation/7c132147-428b-4ea3-87e1-70f7abb691ce", "apotheker", "Farmacie", [], ["voorlichting aan landgenoten"]);
    private static readonly Trade PhoneRepair = new("http://data.europa.eu/esco/occupation/f0f6d531-eb96-4bad-84ff-8e2999ea68e6", "reparateur mobiele telefoons", "Elektronica", ["techniek", "computers"], ["klussen en repareren"]);
    private static readonly Trade SalesAssistant = new("http://data.europa.eu/esco/occupation/9ba74e8a-c40c-4228-9998-eb3c7a5c11df", "verkoopmedewerker", "Handel", [], []);
    private static readonly Trade CropWorker = new("http://data.europa.eu/esco/occupation/c9191f7f-28b5-4df8-991d-804c53009b83", "landbouwmedewerker", "Landbouw", ["tuinieren", "natuur"], ["tuinieren"]);
    private static readonly Trade Interpreter = new("http://data.europa.eu/esco/occupation/23e692a9-a242-4d4f-988f-ed562f757864", "tolk", "Engelse taal- en letterkunde", ["taal", "lezen"], ["tolken of vertalen"]);
    private static readonly Trade CivilEngineer = new("http://data.europa.eu/esco/occupation/d7d986e1-7333-431b-9719-0c5c6939e360", "ingenieur civiele bouwkunde", "Civiele techniek", ["techniek"], ["klussen en repareren"]);
    // Work that no ESCO occupation describes well is recorded in words only.
    private static readonly Trade HomeSewing = new(null, "naaiwerk aan huis voor de buurt", "", ["naaien", "handwerk"], ["naaien"]);
    private static readonly Trade OddJobs = new(null, "losse klussen in de bouw", "", ["techniek"], ["klussen en repareren"]);
    private static readonly Trade Harvest = new(null, "seizoenswerk in de oogst", "", ["tuinieren"], ["tuinieren"]);

    private static readonly Trade[] LowTrades = [Cook, Barber, Tailor, Welder, Carpenter, Bricklayer, Farmer, CropWorker, TruckDriver, ShopKeeper, Baker, SalesAssistant, CarMechanic, PhoneRepair, OddJobs, Harvest];
    private static readonly Trade[] LowTradesWomen = [Cook, Hairdresser, Dressmaker, HomeSewing, Baker, SalesAssistant, CropWorker, ShopKeeper];
    private static readonly Trade[] MiddleTrades = [Electrician, CarMechanic, Nurse, Cook, TruckDriver, TaxiDriver, ShopKeeper, Welder, Baker, PhoneRepair, Hairdresser, SalesAssistant];
    private static readonly Trade[] HighTrades = [PrimaryTeacher, SecondaryTeacher, Nurse, Accountant, Dentist, Pharmacist, SoftwareDeveloper, CivilEngineer, Interpreter];

    private static readonly string[] Talents =
    [
        "Kan goed met mensen omgaan en maakt snel contact.", "Geduldig; legt dingen rustig uit.", "Handig met gereedschap; ziet meteen wat er kapot is.",
        "Organiseert graag iets voor een groep.", "Leert snel nieuwe woorden.", "Creatief met stof en kleur.", "Goed met kinderen.",
        "Doorzetter: geeft niet op als iets moeilijk is.", "Goed met getallen en geld.", "Zorgzaam; helpt buren zonder dat ze het vragen.",
    ];

    private static readonly (string Interest, string Text)[] KnownFor =
    [
        ("koken", "Kookte op feesten voor honderd mensen."), ("bakken", "Stond in de buurt bekend om de beste baklava."),
        ("naaien", "Maakte bruidsjurken op maat."), ("techniek", "Repareerde van alles voor de halve straat."),
        ("computers", "Hielp de hele familie met telefoons en computers."), ("voetbal", "Trainde het voetbalteam van de wijk."),
        ("sport", "Was altijd de eerste op het sportveld."), ("tuinieren", "Had de mooiste moestuin van het dorp."),
        ("kinderen", "Gaf kinderen uit de buurt bijles."), ("lezen", "Las voor aan de kinderen in de straat."),
        ("zingen", "Zong op elke bruiloft in de familie."), ("muziek", "Speelde oud op familiefeesten."),
        ("ouderen", "Zorgde jarenlang voor de ouderen in de familie."),
    ];

    private static readonly string[] EnergisedBy =
    [
        "Buiten zijn en bewegen.", "Samen koken en eten.", "Iets met de handen maken.", "Kinderen zien leren.", "Nieuwe mensen ontmoeten.",
        "Muziek, vooral samen spelen.", "Rust: een wandeling langs het water.", "Anderen helpen.",
    ];

    private static readonly string[] ShortWishes =
    [
        "Snel Nederlands leren, zodat ik zelf naar de dokter kan.", "Leren fietsen en een fiets kopen.",
        "Vrijwilligerswerk, zodat ik niet de hele dag thuis zit.", "Nederlandse buren leren kennen.", "Mijn rijbewijs omwisselen of opnieuw halen.",
        "Een sportclub vinden.", "Mijn papieren en geldzaken op orde krijgen.", "Werk, al is het eerst maar een paar uur per week.",
    ];

    private static readonly string[] GeneralLongWishes =
    [
        "Een gewone baan en een rustig leven voor mijn gezin.", "Een eigen zaak beginnen.", "Studeren aan het hbo.",
        "Mijn gezin hier bij elkaar hebben.", "Iets teruggeven aan Nederland, dat mij veiligheid gaf.",
    ];

    private static readonly string[] ReciprocityWords =
    [
        "Wil graag iets terugdoen voor de buurt.", "Helpt graag nieuwe landgenoten op weg.", "Heeft tijd op doordeweekse ochtenden.",
        "Wil het liefst iets met zijn of haar vak doen.", "Kan op zaterdag helpen.",
    ];

    private static readonly string[] Creditors = ["zorgverzekeraar", "energieleverancier", "telefoonabonnement", "Belastingdienst (terugbetaling toeslag)", "CJIB (boete openbaar vervoer)"];

    private static readonly (string Reason, int Days)[] Pauses =
    [
        ("Wil eerst de gezinshereniging afwachten; pakt het traject daarna weer op.", 60),
        ("Werkt tijdelijk voltijds in de kassen (seizoenswerk); wil daarna verder met de taal.", 75),
        ("Zorgt deze weken voor een familielid; vraagt om even niets te plannen.", 30),
    ];

    private readonly Random _random;
    private readonly DemoTown _town;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly string _recordedBy;
    private readonly int _housedWithinDays;
    private readonly HashSet<string> _names = [];
    private readonly HashSet<string> _vNumbers = [];
    private int _nextBsn;

    private DemoNewcomers(DemoTown town, TimeProvider clock, string recordedBy, int housedWithinDays = 540)
    {
        _housedWithinDays = housedWithinDays;
        // A fixed seed: the same people on every fresh start. Not for anything secret.
#pragma warning disable CA5394
        _random = new Random(town.Seed);
#pragma warning restore CA5394
        _town = town;
        _now = clock.GetUtcNow();
        _today = clock.InTheNetherlands();
        _recordedBy = recordedBy;
        _nextBsn = 9999_0000 + (town.Seed % 9 + 1) * 1000;
        _names.Add($"{town.FirstGivenName} {town.FirstFamilyName}");
    }

    /// <summary>Adds the town's newcomers and their intake parts to the context, unsaved, so the caller saves once.</summary>
    public static void AddTo(AppDbContext db, Guid municipalityId, DemoTown town, string caseManagerId, string caseManagerName, TimeProvider clock)
    {
        var maker = new DemoNewcomers(town, clock, caseManagerName);
        for (var i = 0; i < PerMunicipality; i++)
        {
            maker.Make(db, municipalityId, i, caseManagerId);
        }
    }

    /// <summary>
    /// Adds and saves many newcomers for a municipality, housed over the given number of days and shared among the case
    /// managers, in saves of a few thousand so the change tracker stays small. Past a few thousand people names repeat, as
    /// they do in a real municipality, and people beyond the town's range of fictional BSNs have only a V-number.
    /// </summary>
    public static async Task AddManyAsync(AppDbContext db, Guid municipalityId, DemoTown town, IReadOnlyList<string> caseManagerIds,
        string recordedBy, int count, int housedWithinDays, TimeProvider clock, int perSave = 2000)
    {
        var maker = new DemoNewcomers(town, clock, recordedBy, housedWithinDays);
        for (var i = 0; i < count; i++)
        {
            maker.Make(db, municipalityId, i, caseManagerIds[i % caseManagerIds.Count]);
            if ((i + 1) % perSave == 0 || i == count - 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
    }

    // Numbers of the 06-0000 range and addresses under .example: nobody real is reached from the demo.
    private static string DemoPhone(int index) => $"06-0000{index:D4}";

    private static string DemoEmail(string given, int index) =>
        $"{new string([.. given.Split(' ')[0].Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter)]).ToLowerInvariant()}{index}@voorbeeld.example";

    private void Make(AppDbContext db, Guid municipalityId, int index, string caseManagerId)
    {
        var first = index == 0;
        var origin = first ? Origins[0] : Pick(Origins, o => o.Weight);
        var female = first || Chance(0.45);
        var age = first ? Age(_town.FirstBorn) : AgeBetween();
        var born = first ? _town.FirstBorn : _today.AddYears(-age).AddDays(-_random.Next(1, 365));
        var (given, family) = first ? (_town.FirstGivenName, _town.FirstFamilyName) : UniqueName(origin, female);

        // Housed over the last eighteen months (or the period asked for at scale); two people are still to be housed.
        var housedDaysAgo = index is 5 or 17 ? -_random.Next(7, 30) : first ? 200 : _random.Next(3, _housedWithinDays);
        var housed = _today.AddDays(-housedDaysAgo);
        var registered = housed.AddDays(_random.Next(0, 6));
        var permit = Earlier(housed.AddDays(-_random.Next(30, 160)));
        var monthsHere = Math.Max(0, housedDaysAgo) / 30;

        var schooling = first ? EducationLevel.Bachelor : SchoolingFor(origin.Schooling, female);
        var languages = Languages(origin, schooling, monthsHere, first);
        var dutch = languages.FirstOrDefault(l => l.Language == "Nederlands")?.Speaking ?? CefrLevel.None;
        var english = languages.FirstOrDefault(l => l.Language == "Engels")?.Speaking ?? CefrLevel.None;
        var interpreter = dutch < CefrLevel.A2 && english < CefrLevel.B1;
        var preferred = dutch >= CefrLevel.B1 ? "Nederlands" : english >= CefrLevel.B1 && Chance(0.5) ? "Engels" : origin.MotherTongue;
        var bsn = first ? _town.FirstBsn : Chance(0.92) ? NextBsn() : null;
        var vNumber = NextVNumber();

        var registeredAt = new DateTimeOffset(registered.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var newcomer = new Newcomer(municipalityId,
            new PersonDetails(given, family, born, female ? Gender.Female : Gender.Male, origin.Country,
                origin.Country == "Syrië" && Chance(0.08) ? "staatloos" : origin.Nationality,
                DemoPhone(index), index % 3 == 0 ? DemoEmail(given, index) : null, preferred, interpreter, bsn, vNumber),
            new LegalFrame(TargetGroup.AsylumPermitHolder, permit, registered, housed,
                Pick(_town.Streets), $"{_random.Next(1, 140)}{(Chance(0.15) ? "a" : "")}", Postcode(), _town.City),
            registeredAt < _now ? registeredAt : _now);
        if (first || Chance(0.85))
        {
            newcomer.AssignCaseManager(caseManagerId);
        }
        if (index is 9 or 23 or 31)
        {
            var (reason, days) = Pauses[index % Pauses.Length];
            newcomer.Pause(_today.AddDays(days), reason);
        }
        db.Newcomers.Add(newcomer);

        // How far the intake is: nothing yet for people still to be housed or just arrived; later, more parts.
        var stage = first ? 5 : housedDaysAgo < 14 ? 0 : Math.Clamp(monthsHere / 3 + _random.Next(-1, 3), 0, 5);
        if (!first && Chance(0.15))
        {
            stage = 0;
        }
        var conversation = Earlier(registered.AddDays(_random.Next(10, 25)));
        var at = Instant(conversation);
        var person = new Person(newcomer, origin, female, age, schooling, dutch, monthsHere, first);

        if (stage >= 1)
        {
            Add(db, Invitations(newcomer, registered, conversation), at);
            Add(db, Household(person, born), at);
            Add(db, LanguagesPart(newcomer, languages, schooling), at);
        }
        if (stage >= 2)
        {
            var trades = Trades(person);
            Add(db, Education(person, schooling, trades), at);
            Add(db, Work(person, trades), at);
            person = person with { Trades = trades };
        }
        if (stage >= 3)
        {
            var interests = Interests(person);
            Add(db, Strengths(newcomer, person, interests), Instant(conversation.AddDays(14)));
            Add(db, Network(newcomer, origin), Instant(conversation.AddDays(14)));
            Add(db, Reciprocity(newcomer, person, interests), Instant(conversation.AddDays(14)));
            Add(db, Aspirations(newcomer, person), Instant(conversation.AddDays(14)));
        }
        if (stage >= 4)
        {
            Add(db, Learnability(newcomer, schooling, conversation), Instant(conversation.AddDays(21)));
            Add(db, Finances(newcomer, monthsHere), Instant(conversation.AddDays(21)));
        }
        if (stage >= 5 && female && person.Children > 0)
        {
            var circumstances = new CircumstancesSection(newcomer.Id, municipalityId);
            circumstances.Update(null, null, null, "Zorgt overdag voor de kinderen; lessen het liefst onder schooltijd.", null);
            Add(db, circumstances, Instant(conversation.AddDays(21)));
        }
    }

    private InvitationsSection Invitations(Newcomer n, DateOnly registered, DateOnly conversation)
    {
        var section = new InvitationsSection(n.Id, n.MunicipalityId);
        var invitations = new List<Invitation>();
        if (Chance(0.15))
        {
            invitations.Add(new Invitation { Date = registered.AddDays(5), Outcome = InvitationOutcome.NoShow, Note = "Brief kwam niet aan: nog geen naambordje." });
        }
        invitations.Add(new Invitation { Date = conversation, Outcome = InvitationOutcome.Attended });
        section.Update(invitations);
        return section;
    }

    private HouseholdSection Household(Person p, DateOnly born)
    {
        var section = new HouseholdSection(p.Newcomer.Id, p.Newcomer.MunicipalityId);
        var hasPartner = p.First || (p.Age >= 23 && Chance(p.Age >= 30 ? 0.6 : 0.35));
        var partnerHere = hasPartner && (p.First || Chance(0.7));
        var children = new List<Child>();
        if (hasPartner || (p.Female && p.Age >= 25 && Chance(0.25)))
        {
            // Children one after another, at least fifteen months apart, born when the parent was 18 or older.
            var count = p.First ? 2 : _random.Next(0, 5);
            var childBorn = Later(born.AddYears(18), _today.AddYears(-17)).AddDays(_random.Next(0, 2000));
            for (var i = 0; i < count && childBorn < _today; i++)
            {
                var childAge = _today.Year - childBorn.Year;
                children.Add(new Child
                {
                    Name = Pick(Chance(0.5) ? p.Origin.FemaleNames : p.Origin.MaleNames),
                    DateOfBirth = childBorn,
                    SchoolOrDayCare = childAge switch
                    {
                        < 2 => null,
                        < 4 => Pick(_town.DayCare),
                        < 12 => Pick(_town.PrimarySchools),
                        _ => Pick(_town.SecondarySchools),
                    },
                    VveInformationGiven = childAge is >= 2 and < 6 && Chance(0.7),
                });
                childBorn = childBorn.AddDays(_random.Next(450, 1500));
            }
        }
        var reunification = hasPartner && !partnerHere
            ? Pick([FamilyReunificationStatus.Considering, FamilyReunificationStatus.Applied, FamilyReunificationStatus.Granted])
            : hasPartner && Chance(0.3) ? FamilyReunificationStatus.Arrived : FamilyReunificationStatus.NotApplicable;
        var partnerName = hasPartner ? $"{Pick(p.Female ? p.Origin.MaleNames : p.Origin.FemaleNames)} {Pick(p.Origin.FamilyNames)}" : null;
        var note = reunification switch
        {
            FamilyReunificationStatus.Applied => "Aanvraag nareis loopt bij de IND; VluchtelingenWerk helpt.",
            FamilyReunificationStatus.Granted => "Nareis toegekend; gezin wacht op visum in het buurland.",
            FamilyReunificationStatus.Considering => "Partner en kinderen zijn nog in het land van herkomst.",
            _ => null,
        };
        section.Update(partnerName, partnerHere, children, reunification, note);
        p.Children = section.Children.Count;
        return section;
    }

    private List<LanguageSkill> Languages(Origin origin, EducationLevel schooling, int monthsHere, bool first)
    {
        var lowSchooling = schooling <= EducationLevel.Primary;
        var mother = new LanguageSkill
        {
            Language = origin.MotherTongue,
            MotherTongue = true,
            Listening = CefrLevel.C2,
            Speaking = CefrLevel.C2,
            Reading = lowSchooling ? Pick([CefrLevel.PreA1, CefrLevel.A2, CefrLevel.B1]) : CefrLevel.C2,
            Writing = lowSchooling ? Pick([CefrLevel.PreA1, CefrLevel.A1, CefrLevel.B1]) : CefrLevel.C1,
        };
        var list = new List<LanguageSkill> { mother };
        foreach (var (language, chance) in origin.OtherLanguages)
        {
            var likely = language == "Engels" ? chance * (schooling >= EducationLevel.UpperSecondary ? 1.6 : 0.5) : chance;
            if (Chance(Math.Min(likely, 0.95)))
            {
                var top = language == "Engels" && schooling >= EducationLevel.Bachelor ? CefrLevel.C1 : CefrLevel.B2;
                list.Add(Skill(language, (CefrLevel)_random.Next((int)CefrLevel.A2, (int)top + 1)));
            }
        }
        var dutch = first ? CefrLevel.A2 : monthsHere switch
        {
            < 3 => Pick([CefrLevel.None, CefrLevel.PreA1]),
            < 9 => Pick([CefrLevel.PreA1, CefrLevel.A1, CefrLevel.A1]),
            < 14 => Pick([CefrLevel.A1, CefrLevel.A2, CefrLevel.A2]),
            _ => Pick([CefrLevel.A2, CefrLevel.A2, CefrLevel.B1]),
        };
        if (lowSchooling && dutch > CefrLevel.A1)
        {
            dutch--;
        }
        list.Add(Skill("Nederlands", dutch));
        return list;
    }

    private LanguageSkill Skill(string language, CefrLevel level)
    {
        var lower = level > CefrLevel.PreA1 && Chance(0.5) ? level - 1 : level;
        return new LanguageSkill { Language = language, Listening = level, Speaking = level, Reading = lower, Writing = lower > CefrLevel.None && Chance(0.5) ? lower - 1 : lower };
    }

    private static LanguagesSection LanguagesPart(Newcomer n, List<LanguageSkill> languages, EducationLevel schooling)
    {
        var section = new LanguagesSection(n.Id, n.MunicipalityId);
        var latin = n.CountryOfOrigin is "Turkije" || schooling >= EducationLevel.UpperSecondary ? Literacy.Literate
            : schooling <= EducationLevel.None ? Literacy.NotLiterate
            : Literacy.Partly;
        section.Update(languages, latin);
        return section;
    }

    private List<Trade> Trades(Person p)
    {
        if (p.First)
        {
            return [PrimaryTeacher];
        }
        if (p.Age < 21 && Chance(0.6))
        {
            return [];
        }
        if (p.Female && p.Schooling <= EducationLevel.LowerSecondary && Chance(0.4))
        {
            return [];
        }
        var pool = p.Schooling switch
        {
            >= EducationLevel.Bachelor => HighTrades,
            >= EducationLevel.UpperSecondary => MiddleTrades,
            _ => p.Female ? LowTradesWomen : LowTrades,
        };
        var main = Pick(pool);
        if (main == Dentist || main == Pharmacist)
        {
            main = p.Schooling >= EducationLevel.Master ? main : Pick([PrimaryTeacher, Nurse, Accountant]);
        }
        var trades = new List<Trade> { main };
        if (Chance(0.3))
        {
            var side = Pick(p.Female ? LowTradesWomen : LowTrades);
            if (side != main)
            {
                trades.Add(side);
            }
        }
        return trades;
    }

    private EducationSection Education(Person p, EducationLevel level, List<Trade> trades)
    {
        var section = new EducationSection(p.Newcomer.Id, p.Newcomer.MunicipalityId);
        var field = level >= EducationLevel.Vocational && trades.Count > 0 && trades[0].Field.Length > 0 ? trades[0].Field : null;
        var years = level switch
        {
            EducationLevel.None => 0,
            EducationLevel.Primary => 6,
            EducationLevel.LowerSecondary => 9,
            EducationLevel.UpperSecondary => 12,
            EducationLevel.Vocational => 14,
            EducationLevel.Bachelor => 16,
            EducationLevel.Master => 18,
            _ => 22,
        };
        // The first person of a town, the teacher, has her bachelor valued; the draws stay as they were, so the rest of the town does too.
        var diploma = (level >= EducationLevel.UpperSecondary && Chance(0.8)) || p.First;
        var valuation = !diploma || level < EducationLevel.Vocational ? DiplomaValuation.NotNeeded
            : p.First ? DiplomaValuation.Valued
            : Pick([DiplomaValuation.NotApplied, DiplomaValuation.Applied, DiplomaValuation.Valued]);
        p.Valuation = valuation;
        var diplomas = new List<Diploma>();
        if (diploma)
        {
            var born = p.Newcomer.DateOfBirth.Year;
            var obtained = Math.Min(born + 6 + years, _today.Year);
            var (kind, nlqf, result) = level switch
            {
                >= EducationLevel.Master => ("Master", 7, "wo-master"),
                EducationLevel.Bachelor => ("Bachelor", 6, "hbo-bachelor"),
                EducationLevel.Vocational => ("Diploma beroepsopleiding", 3, "mbo niveau 3"),
                _ => ("Diploma middelbare school", 4, "havo"),
            };
            var name = field is null ? kind : $"{kind} {field.ToLowerInvariant()}";
            var valued = valuation == DiplomaValuation.Valued;
            DateOnly? appliedOn = valuation is DiplomaValuation.Applied or DiplomaValuation.Valued
                ? Earlier(_today.AddDays(-(valued ? 120 : 20) - 3 * p.MonthsHere)) : null;
            if (level >= EducationLevel.Master && field is not null)
            {
                // The bachelor before the master: its valuation is not needed once the master's is asked for.
                diplomas.Add(new Diploma($"Bachelor {field.ToLowerInvariant()}", p.Origin.Country, obtained - 2, EducationLevel.Bachelor, DiplomaValuation.NotNeeded, null, null, null));
            }
            diplomas.Add(new Diploma(name, p.Origin.Country, obtained, level, valuation, appliedOn, valued ? nlqf : null, valued ? result : null));
        }
        section.Update(level, field, years, diplomas);
        return section;
    }

    private WorkExperienceSection Work(Person p, List<Trade> trades)
    {
        var section = new WorkExperienceSection(p.Newcomer.Id, p.Newcomer.MunicipalityId);
        var roles = new[] { "in loondienst", "eigen zaak", "meewerkend in het familiebedrijf", "leidinggevende", null };
        var places = new[] { null, null, $"in {p.Origin.Country}", "in Libanon, tijdens de vlucht", "in Turkije, tijdens de vlucht", "tot de oorlog" };
        section.Update(trades.Select(t => new Job
        {
            EscoUri = t.EscoUri,
            Title = t.Title,
            Years = Math.Max(1, _random.Next(1, Math.Max(2, Math.Min(20, p.Age - 17)))),
            Role = HighTrades.Contains(t) ? Pick(["in loondienst", "leidinggevende", null]) : Pick(roles),
            Notes = Pick(places),
        }));
        return section;
    }

    private List<string> Interests(Person p)
    {
        var interests = p.Trades.SelectMany(t => t.Interests).ToList();
        var general = p.Age < 35 && !p.Female
            ? new[] { "voetbal", "sport", "hardlopen", "muziek", "computers", "fietsen repareren" }
            : new[] { "koken", "tuinieren", "muziek", "zingen", "dansen", "lezen", "natuur", "fotografie", "kinderen", "geloof", "handwerk", "spellen", "dieren", "ouderen" };
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            interests.Add(Pick(general));
        }
        if (p.Children > 0 && Chance(0.5))
        {
            interests.Add("kinderen");
        }
        return interests.Distinct().ToList();
    }

    private StrengthsSection Strengths(Newcomer n, Person p, List<string> interests)
    {
        var section = new StrengthsSection(n.Id, n.MunicipalityId);
        var skills = p.Trades.Count > 0 ? $"Vakkennis als {p.Trades[0].Title}." : Chance(0.5) ? "Huishouden en de zorg voor een groot gezin." : null;
        var knownFor = KnownFor.Where(k => interests.Contains(k.Interest)).Select(k => k.Text).ToList();
        section.Update(Pick(Talents), skills, string.Join(", ", interests.Take(3)), interests,
            Chance(0.6) ? knownFor.Count > 0 ? Pick(knownFor) : "Hielp buren met formulieren en brieven." : null,
            Chance(0.7) ? Pick(EnergisedBy) : null);
        return section;
    }

    private NetworkSection Network(Newcomer n, Origin origin)
    {
        var section = new NetworkSection(n.Id, n.MunicipalityId);
        var options = new (string Who, RelationKind Relation, string? Place)[]
        {
            ($"neef {Pick(origin.MaleNames)}", RelationKind.Family, Pick(_town.NearbyCities)),
            ($"zus {Pick(origin.FemaleNames)}", RelationKind.Family, Pick(_town.NearbyCities)),
            ("landgenoten van de zondagse bijeenkomst", RelationKind.Compatriot, Pick(_town.NearbyCities)),
            ("een vriend uit het azc", RelationKind.Friend, Pick(_town.NearbyCities)),
            ($"buurvrouw {Pick(["Ineke", "Gerda", "Marja", "Anneke", "Wilma"])}", RelationKind.Neighbour, _town.City),
            ("de moskee", RelationKind.FaithCommunity, Pick(_town.NearbyCities)),
            ("de kerk", RelationKind.FaithCommunity, _town.City),
            ("de voetbalvereniging", RelationKind.Club, _town.City),
            ($"{Pick(origin.MaleNames)}, kwam in 2015 als vluchteling", RelationKind.ExRefugee, _town.City),
            ("oud-collega van de zorgboerderij", RelationKind.Colleague, _town.City),
        };
        var contacts = new List<Contact>();
        for (var i = _random.Next(0, 5); i > 0; i--)
        {
            var (who, relation, place) = Pick(options);
            if (contacts.All(c => c.Who != who))
            {
                contacts.Add(new Contact { Who = who, Relation = relation, Place = place });
            }
        }
        section.Update(contacts);
        return section;
    }

    private ReciprocitySection Reciprocity(Newcomer n, Person p, List<string> interests)
    {
        var section = new ReciprocitySection(n.Id, n.MunicipalityId);
        var offers = p.Trades.SelectMany(t => t.Offers).ToList();
        if (interests.Contains("voetbal") || interests.Contains("sport"))
        {
            offers.Add("sport begeleiden");
        }
        if (interests.Contains("muziek") || interests.Contains("zingen"))
        {
            offers.Add("muziek maken");
        }
        if (interests.Contains("koken") && Chance(0.5))
        {
            offers.Add("koken voor een groep");
        }
        if (p.Children > 0 && Chance(0.4))
        {
            offers.Add("oppassen");
        }
        if (p.Dutch >= CefrLevel.A2 && Chance(0.5))
        {
            offers.Add("voorlichting aan landgenoten");
        }
        if (offers.Count == 0 || Chance(0.3))
        {
            offers.Add("vrijwilligerswerk");
        }
        section.Update(offers, Chance(0.7) ? Pick(ReciprocityWords) : null);
        return section;
    }

    private AspirationsSection Aspirations(Newcomer n, Person p)
    {
        var section = new AspirationsSection(n.Id, n.MunicipalityId);
        var trade = p.Trades.FirstOrDefault();
        var longTerm = trade is null || Chance(0.3) ? Pick(GeneralLongWishes) : trade == Dentist || trade == Pharmacist || trade == Nurse
            ? $"Mijn diploma laten erkennen en weer als {trade.Title} werken."
            : trade == TruckDriver || trade == TaxiDriver ? "Mijn rijbewijs halen en weer als chauffeur werken."
            : trade == PrimaryTeacher || trade == SecondaryTeacher ? "Weer voor de klas staan, eerst als onderwijsassistent."
            : trade == Cook || trade == Baker ? "Ooit een eigen restaurant of bakkerij."
            : $"Weer werken als {trade.Title}.";
        // The teacher's diploma is valued; her wish is what comes after (the draw stays, so the town stays as it was).
        var aboutDiploma = (p.Valuation is DiplomaValuation.NotApplied or DiplomaValuation.Applied || p.First) && Chance(0.6);
        var shortTerm = aboutDiploma && p.First ? "Met mijn gewaardeerde diploma werk vinden in het onderwijs."
            : aboutDiploma ? "Mijn diploma laten waarderen, zodat ik weet wat het hier waard is."
            : p.Children > 0 && Chance(0.4) ? "Dat mijn kinderen goed meekomen op school."
            : Pick(ShortWishes);
        section.Update(shortTerm, Chance(0.85) ? longTerm : null);
        return section;
    }

    private LearnabilitySection Learnability(Newcomer n, EducationLevel schooling, DateOnly conversation)
    {
        var section = new LearnabilitySection(n.Id, n.MunicipalityId);
        var score = Math.Clamp(_random.Next(35, 70) + (int)schooling * 4, 0, 100);
        section.Update(Earlier(conversation.AddDays(-7)), score, score >= 60 ? LearnabilityOutcome.B1Feasible : LearnabilityOutcome.B1NotFeasible, false, null);
        return section;
    }

    private FinancesSection Finances(Newcomer n, int monthsHere)
    {
        var section = new FinancesSection(n.Id, n.MunicipalityId);
        var debts = Chance(0.25);
        section.Update(monthsHere > 12 && Chance(0.2) ? IncomeSource.Work : IncomeSource.Benefit, debts,
            debts ? _random.Next(4, 80) * 50m : null, debts ? Pick(Creditors) : null,
            debts ? Pick([DebtHelp.Needed, DebtHelp.Referred, DebtHelp.Active]) : DebtHelp.NotNeeded,
            Chance(0.95), monthsHere <= 6 || Chance(0.6));
        return section;
    }

    private void Add<TSection>(AppDbContext db, TSection section, DateTimeOffset at) where TSection : IntakeSection
    {
        section.MarkRecorded(_recordedBy, at);
        db.Set<TSection>().Add(section);
    }

    private EducationLevel SchoolingFor(SchoolingProfile kind, bool female)
    {
        int[] weights = kind switch
        {
            // None, Primary, LowerSecondary, UpperSecondary, Vocational, Bachelor, Master, Doctorate
            SchoolingProfile.Low => [20, 30, 25, 12, 8, 5, 0, 0],
            SchoolingProfile.Mixed => [5, 15, 20, 20, 15, 18, 6, 1],
            _ => [0, 3, 7, 15, 20, 35, 17, 3],
        };
        if (female && kind != SchoolingProfile.High)
        {
            weights[0] += 8;
        }
        var levels = new[] { EducationLevel.None, EducationLevel.Primary, EducationLevel.LowerSecondary, EducationLevel.UpperSecondary, EducationLevel.Vocational, EducationLevel.Bachelor, EducationLevel.Master, EducationLevel.Doctorate };
        return Pick(levels.Zip(weights).ToArray(), p => p.Second).First;
    }

    private int AgeBetween() => _random.Next(100) switch
    {
        < 40 => _random.Next(18, 31),
        < 80 => _random.Next(31, 46),
        _ => _random.Next(46, 66),
    };

    private int Age(DateOnly born) => _today.Year - born.Year - (_today < born.AddYears(_today.Year - born.Year) ? 1 : 0);

    private (string Given, string Family) UniqueName(Origin origin, bool female)
    {
        for (var tries = 1; ; tries++)
        {
            var name = (Pick(female ? origin.FemaleNames : origin.MaleNames), Pick(origin.FamilyNames));
            // Only a municipality of thousands runs out of names; there two people may share one.
            if (_names.Add($"{name.Item1} {name.Item2}") || tries >= 50)
            {
                return name;
            }
        }
    }

    /// <summary>The next unused BSN of this town that passes the 11-proef.</summary>
    private string? NextBsn()
    {
        while (_nextBsn <= 9999_9999)
        {
            var stem = (_nextBsn++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var last = 0; last <= 9; last++)
            {
                if (Bsn.IsValid(stem + last))
                {
                    return stem + last;
                }
            }
        }
        return null;
    }

    private string NextVNumber()
    {
        while (true)
        {
            var number = $"{_town.Seed % 10}{_random.Next(100_000_000, 1_000_000_000)}";
            if (_vNumbers.Add(number))
            {
                return number;
            }
        }
    }

    private string Postcode()
    {
        const string letters = "ABCEGHJKLMNPRTVWXZ";
        return $"{Pick(_town.PostcodeDigits)} {letters[_random.Next(letters.Length)]}{letters[_random.Next(letters.Length)]}";
    }

    /// <summary>The date, or today when it lies in the future.</summary>
    private DateOnly Earlier(DateOnly date) => date < _today ? date : _today;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private DateTimeOffset Instant(DateOnly date)
    {
        var at = new DateTimeOffset(Earlier(date).ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero);
        return at < _now ? at : _now;
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = _random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    private enum SchoolingProfile
    {
        Low,
        Mixed,
        High,
    }

    private sealed record Origin(string Country, string Nationality, string MotherTongue, SchoolingProfile Schooling, int Weight,
        string[] MaleNames, string[] FemaleNames, string[] FamilyNames, (string Language, double Chance)[] OtherLanguages);

    private sealed record Trade(string? EscoUri, string Title, string Field, string[] Interests, string[] Offers);

    /// <summary>Who is being made; the first of a town is the demo's guide through a complete intake.</summary>
    private sealed record Person(Newcomer Newcomer, Origin Origin, bool Female, int Age, EducationLevel Schooling, CefrLevel Dutch, int MonthsHere, bool First)
    {
        public List<Trade> Trades { get; init; } = [];

        public int Children { get; set; }

        public DiplomaValuation Valuation { get; set; }
    }
}
