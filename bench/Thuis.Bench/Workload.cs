using Thuis.Matching;

namespace Thuis.Bench;

/// <summary>A synthetic region with a fixed seed: people and offers shaped like a municipality's, at any size.</summary>
internal static class Workload
{
    public const int Seed = 20_261_122;

    private static readonly string[] Languages = ["Arabisch", "Tigrinya", "Farsi", "Dari", "Pasjtoe", "Turks", "Koerdisch", "Somalisch", "Engels", "Frans", "Russisch", "Oekraïens"];

    private static readonly string[] Origins = ["Syrië", "Eritrea", "Afghanistan", "Turkije", "Jemen", "Somalië", "Oekraïne", "Irak"];

    private static readonly Occupation[] Occupations =
    [
        new("5120", "kok"), new("5131", "ober"), new("7212", "lasser"), new("7214", "constructiebankwerker"), new("2341", "leraar"),
        new("9112", "schoonmaker"), new("8322", "chauffeur"), new("7411", "elektricien"), new("5321", "zorghulp"), new("7531", "kleermaker"),
        new("6111", "akkerbouwer"), new("2221", "verpleegkundige"), new("3313", "boekhouder"), new("7115", "timmerman"), new("5223", "verkoper"),
    ];

    /// <summary>The tag vocabulary: as many tags as features asked for.</summary>
    public static string[] Tags(int features) => [.. Enumerable.Range(0, features).Select(i => $"tag{i:00}")];

    public static Offer[] Offers(int count, int features, int seed = Seed)
    {
        var random = new Random(seed);
        var tags = Tags(features);
        var offers = new Offer[count];
        for (var j = 0; j < count; j++)
        {
            var kind = (OfferKind)random.Next(7);
            var isJob = kind is OfferKind.Job or OfferKind.Internship;
            offers[j] = new Offer
            {
                Id = $"o{j:00000}",
                Title = $"Aanbod {j}",
                Kind = kind,
                RoleName = kind == OfferKind.Volunteer ? "de buddy" : null,
                Tags = Pick(random, tags, 1 + random.Next(3)),
                Languages = Pick(random, Languages, random.Next(3)),
                LanguageInCommonRequired = kind == OfferKind.Volunteer && random.Next(2) == 0,
                LanguageMinLevel = CefrLevel.A2,
                DutchNeeded = (CefrLevel)random.Next(isJob ? 4 : 3),
                Level = isJob && random.Next(2) == 0 ? (SkillLevel)(1 + random.Next(4)) : SkillLevel.Unknown,
                Occupation = isJob || random.Next(4) == 0 ? Occupations[random.Next(Occupations.Length)] : null,
                Location = Place(random),
                Schedule = Week(random, 4 + random.Next(8)),
                Capacity = 1 + random.Next(8),
                Cost = random.Next(3) == 0 ? random.Next(5, 40) : 0,
                LowThreshold = random.Next(3) == 0,
                Childcare = random.Next(4) == 0,
                Members = [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"p{random.Next(50_000):00000}")],
            };
        }

        return offers;
    }

    public static Person[] People(int count, int features, int seed = Seed + 1)
    {
        var random = new Random(seed);
        var tags = Tags(features);
        var people = new Person[count];
        for (var i = 0; i < count; i++)
        {
            var origin = random.Next(Origins.Length);
            people[i] = new Person
            {
                Id = $"p{i:00000}",
                Talents = Pick(random, tags, random.Next(3)),
                Interests = Pick(random, tags, random.Next(4)),
                Wishes = Pick(random, tags, random.Next(2)),
                CanGive = Pick(random, tags, random.Next(2)),
                Languages = [new LanguageSkill(Languages[origin % Languages.Length], CefrLevel.C2), .. Pick(random, Languages, random.Next(2)).Select(l => new LanguageSkill(l, (CefrLevel)(1 + random.Next(6))))],
                DutchLevel = (CefrLevel)random.Next(4),
                Education = (EducationLevel)random.Next(7),
                FormerOccupations = random.Next(2) == 0 ? [Occupations[random.Next(Occupations.Length)]] : [],
                PiezoPhase = random.Next(6) is var phase && phase < 5 ? phase : null,
                WorkIsTheGoal = random.Next(3) == 0,
                SteppingStones = random.Next(20) == 0 ? [new SteppingStone(Occupations[random.Next(Occupations.Length)].IscoCode, "om te verdienen naast de taalles")] : [],
                Location = Place(random),
                Availability = Week(random, 6 + random.Next(10)),
                Household = new Household(NeedsChildcare: random.Next(5) == 0, NoEvenings: random.Next(4) == 0),
                ExcludedTags = random.Next(10) == 0 ? Pick(random, tags, 1) : [],
                Knows = [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"p{random.Next(50_000):00000}")],
                NotNow = random.Next(25) == 0,
                Age = 18 + random.Next(45),
                Gender = random.Next(2) == 0 ? "vrouw" : "man",
                Origin = Origins[origin],
            };
        }

        return people;
    }

    private static string[] Pick(Random random, string[] from, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => from[random.Next(from.Length)]).Distinct()];

    // A region of about 30 by 30 km around Zwolle and Dalfsen.
    private static GeoPoint Place(Random random) => new(52.40 + (random.NextDouble() * 0.27), 6.00 + (random.NextDouble() * 0.44));

    private static WeekSchedule Week(Random random, int slots)
    {
        var bits = 0u;
        for (var s = 0; s < slots; s++)
        {
            bits |= 1u << random.Next(21);
        }

        return new WeekSchedule(bits);
    }
}
