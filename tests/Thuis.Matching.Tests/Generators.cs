using CsCheck;

namespace Thuis.Matching.Tests;

/// <summary>Random but small pools and cohorts, with every field the engine reads varied.</summary>
internal static class Generators
{
    public static readonly string[] Tags = ["koken", "muziek", "voetbal", "hardlopen", "naaien", "tuinieren", "computers", "fietsen", "schaken", "zingen"];

    public static readonly string[] Languages = ["Arabisch", "Tigrinya", "Farsi", "Engels", "Turks"];

    public static readonly string[] Members = ["m1", "m2", "m3", "m4", "m5", "m6"];

    // Every level and several fields: the teacher and the teaching assistant share one, the cook and the kitchen help another.
    private static readonly Occupation[] Occupations =
    [
        new("5120", "kok"), new("5131", "ober"), new("7212", "lasser"), new("7214", "constructiebankwerker"),
        new("2341", "leraar basisonderwijs"), new("9112", "schoonmaker"), new("5312", "onderwijsassistent"),
        new("9333", "orderpicker"), new("9412", "keukenhulp"), new("2221", "verpleegkundige"), new("3221", "verpleegkundige mbo"),
        new("1411", "hotelmanager"),
    ];

    private static readonly Gen<string[]> SomeTags = Gen.OneOf(Tags).Array[0, 4];

    // One in five places is unknown, as when a newcomer's address or an offer's place has not been entered.
    private static readonly Gen<GeoPoint?> Place = Gen.Select(Gen.Double[52.3, 52.6], Gen.Double[6.0, 6.5], Gen.Int[0, 4], (lat, lon, unknown) => unknown == 0 ? (GeoPoint?)null : new GeoPoint(lat, lon));

    private static readonly Gen<WeekSchedule> Week = Gen.Int[0, 20].Array[0, 6].Select(bits => new WeekSchedule(bits.Aggregate(0u, (s, b) => s | (1u << b))));

    private static readonly Gen<LanguageSkill> Skill = Gen.Select(Gen.OneOf(Languages), Gen.Enum<CefrLevel>(), (l, c) => new LanguageSkill(l, c));

    public static Gen<Offer> Offer(int poolSize) =>
        Gen.Select(
            Gen.Select(SomeTags, Gen.OneOf(Languages).Array[0, 2], Gen.Bool, Gen.Enum<CefrLevel>(), Gen.Int[0, 2], (tags, languages, required, min, dutch) => (tags, languages, required, min, dutch)),
            Gen.Select(Gen.Enum<OfferKind>(), Gen.Enum<SkillLevel>(), Gen.Int[-1, Occupations.Length - 1], Place, Week, (kind, level, occupation, place, week) => (kind, level, occupation, place, week)),
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 30], Gen.Bool, Gen.Bool, Gen.OneOf(Members).Array[0, 3], (capacity, cost, low, care, members) => (capacity, cost, low, care, members)),
            Gen.Int[0, poolSize - 1],
            (a, b, c, id) => new Offer
            {
                Id = $"o{id:00}",
                Title = $"Aanbod {id}",
                Kind = b.kind,
                RoleName = b.kind == OfferKind.Volunteer ? "de buddy" : null,
                Tags = a.tags,
                Languages = a.languages,
                LanguageInCommonRequired = a.required,
                LanguageMinLevel = a.min,
                DutchNeeded = (CefrLevel)a.dutch,
                Level = b.level,
                Occupation = b.occupation < 0 ? null : Occupations[b.occupation],
                Location = b.place,
                Schedule = b.week,
                Capacity = c.capacity,
                Cost = c.cost,
                LowThreshold = c.low,
                Childcare = c.care,
                Members = c.members,
                MinAge = id % 5 == 0 ? 18 : null,
                MaxAge = id % 7 == 0 ? 30 : null,
            });

    public static Gen<Person> Person(int poolSize) =>
        Gen.Select(
            Gen.Select(SomeTags, SomeTags, SomeTags, SomeTags, (talents, interests, wishes, give) => (talents, interests, wishes, give)),
            Gen.Select(Skill.Array[0, 3], Gen.Int[0, 4], Gen.Enum<EducationLevel>(), Gen.Int[-1, Occupations.Length - 1].Array[0, 2], (languages, dutch, education, occupations) => (languages, dutch, education, occupations)),
            Gen.Select(Place, Week, Gen.Bool, Gen.Bool, Gen.Int[0, 6], (place, week, care, evenings, notNow) => (place, week, care, evenings, notNow)),
            Gen.Select(Gen.OneOf(Tags).Array[0, 1], Gen.Int[0, poolSize - 1].Array[0, 2], Gen.OneOf(Members).Array[0, 3], Gen.Int[14, 60], (excludedTags, excludedOffers, knows, age) => (excludedTags, excludedOffers, knows, age)),
            Gen.Select(Gen.Int[-1, 4], Gen.Bool, Gen.Int[0, Occupations.Length - 1].Array[0, 1], (phase, workGoal, stones) => (phase, workGoal, stones)),
            (a, b, c, d, e) => new Person
            {
                Id = "p",
                Talents = a.talents,
                Interests = a.interests,
                Wishes = a.wishes,
                CanGive = a.give,
                Languages = b.languages,
                DutchLevel = (CefrLevel)b.dutch,
                Education = b.education,
                FormerOccupations = [.. b.occupations.Where(o => o >= 0).Select(o => Occupations[o])],
                PiezoPhase = e.phase < 0 ? null : e.phase,
                WorkIsTheGoal = e.workGoal,
                ValuedNlqf = e.phase == 2 ? null : e.phase + 4,
                SteppingStones = [.. e.stones.Select(o => new SteppingStone(Occupations[o].IscoCode, "om te verdienen naast de taalles"))],
                Location = c.place,
                Availability = c.week,
                Household = new Household(c.care, c.evenings),
                NotNow = c.notNow == 0,
                ExcludedTags = d.excludedTags,
                ExcludedOfferIds = [.. d.excludedOffers.Select(j => $"o{j:00}")],
                Knows = d.knows,
                Age = d.age,
                Gender = d.age % 2 == 0 ? "vrouw" : "man",
                Origin = b.languages.Length > 0 ? b.languages[0].Language : null,
            });

    /// <summary>A pool of offers with distinct ids and a cohort of people with distinct ids.</summary>
    public static Gen<(Offer[] Offers, Person[] People)> Instance(int maxOffers, int maxPeople) =>
        Gen.Select(Offer(maxOffers).Array[1, maxOffers], Person(maxOffers).Array[1, maxPeople], (offers, people) => (
            offers.Select((o, i) => o with { Id = $"o{i:00}", MinAge = i % 5 == 0 ? 18 : null, MaxAge = i % 7 == 6 ? 30 : null }).ToArray(),
            people.Select((p, i) => p with { Id = $"p{i:000}" }).ToArray()));

    /// <summary>The hard constraints, written out again from the records, independent of the engine's bit masks.</summary>
    public static bool Allowed(Person person, Offer offer)
    {
        var availability = person.Household.NoEvenings ? person.Availability.WithoutEvenings() : person.Availability;
        return !person.NotNow
            && offer.Capacity > 0
            && availability.Overlaps(offer.Schedule)
            && person.DutchLevel >= offer.DutchNeeded
            && (!offer.LanguageInCommonRequired || person.Languages.Any(s =>
                s.Level != CefrLevel.None && s.Level >= offer.LanguageMinLevel && offer.Languages.Contains(s.Language, StringComparer.OrdinalIgnoreCase)))
            && !(person.Age < offer.MinAge || person.Age > offer.MaxAge)
            && !person.ExcludedOfferIds.Contains(offer.Id)
            && !offer.Tags.Intersect(person.ExcludedTags, StringComparer.OrdinalIgnoreCase).Any()
            && WorkAllowed(person, offer);
    }

    /// <summary>
    /// Work at one's own level, written out from the rule's words: a stepping stone the plan chose always; otherwise no
    /// paid job in Piëzo phases 0–2 unless work is the plan's goal, and nothing more than one level below unless in
    /// the person's own field.
    /// </summary>
    public static bool WorkAllowed(Person person, Offer offer)
    {
        var work = offer.Kind is OfferKind.Job or OfferKind.Internship;
        if (work && offer.Occupation is { } occupation && person.SteppingStones.Any(s => s.IscoCode == occupation.IscoCode))
        {
            return true;
        }

        if (offer.Kind == OfferKind.Job && person.PiezoPhase is < 3 && !person.WorkIsTheGoal)
        {
            return false;
        }

        return !TooFarBelow(person, offer) || person.FormerOccupations.Any(f => offer.Occupation is { } o && WorkLevels.SameField(f.IscoCode, o.IscoCode));
    }

    /// <summary>Work more than one ISCO skill level below the person's (the higher of education and former occupations).</summary>
    public static bool TooFarBelow(Person person, Offer offer)
    {
        if (offer.Kind is not (OfferKind.Job or OfferKind.Internship))
        {
            return false;
        }

        var work = offer.Level != SkillLevel.Unknown ? offer.Level : offer.Occupation is { } o ? WorkLevels.OfIsco(o.IscoCode) : SkillLevel.Unknown;
        var schooling = person.ValuedNlqf is { } nlqf and >= 1 and <= 8
            ? nlqf switch { 1 => SkillLevel.One, <= 4 => SkillLevel.Two, 5 => SkillLevel.Three, _ => SkillLevel.Four }
            : WorkLevels.OfEducation(person.Education);
        var own = new[] { schooling }.Concat(person.FormerOccupations.Select(f => WorkLevels.OfIsco(f.IscoCode))).Max();
        return own != SkillLevel.Unknown && work != SkillLevel.Unknown && (int)own - (int)work > 1;
    }
}
