using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Matching;

/// <summary>
/// Translates newcomers and their broad intake into what the engine matches on: talents, interests, wishes and what
/// they can give (the social map's tags found in their own words), languages, Dutch, education, former occupations
/// (ISCO from ESCO), household, network and their "niet nu". Health and money are never read: matching does not use them.
/// What someone said no to is never suggested again, and offers only for women are not suggested to others.
/// </summary>
public sealed class ReadMatchingPeople(AppDbContext db, OccupationCatalogue occupations, TimeProvider clock)
{
    private const string DutchLanguage = "Nederlands";

    /// <remarks>
    /// For a matching round: a pair proposed before (whatever the answer) or in an earlier round (whatever the decision)
    /// is never matched again. Suggestions still show an open proposal, marked as already proposed.
    /// </remarks>
    public async Task<IReadOnlyList<Engine.Person>> HandleAsync(IReadOnlyList<Newcomer> newcomers, MatchingPool pool, CancellationToken cancellationToken,
        bool forRound = false)
    {
        var ids = newcomers.Select(n => n.Id).ToList();
        var strengths = await Read<StrengthsSection>(ids, cancellationToken);
        var giving = await Read<ReciprocitySection>(ids, cancellationToken);
        var aspirations = await Read<AspirationsSection>(ids, cancellationToken);
        var languages = await Read<LanguagesSection>(ids, cancellationToken);
        var education = await Read<EducationSection>(ids, cancellationToken);
        var work = await Read<WorkExperienceSection>(ids, cancellationToken);
        var network = await Read<NetworkSection>(ids, cancellationToken);
        var households = await Read<HouseholdSection>(ids, cancellationToken);
        // The working plan (the draft, else the one in force) says where someone is on the Piëzo ladder, whether work is
        // the goal, and which work below their level it chose as a stepping stone.
        var plans = (await db.IntegrationPlans.AsNoTracking()
                .Where(p => ids.Contains(p.NewcomerId) && p.State != PlanState.Superseded)
                .Select(p => new { p.NewcomerId, p.Number, p.PiezoPhase, p.MainGoal, p.SteppingStones })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.NewcomerId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number)!);
        var today = clock.InTheNetherlands();
        var proposed = await db.Proposals.AsNoTracking()
            .Where(p => ids.Contains(p.NewcomerId) && p.TargetId != null)
            .Select(p => new { p.NewcomerId, Target = p.TargetId!.Value, p.Answer, p.NotNowUntil, p.NotNowKind })
            .ToListAsync(cancellationToken);
        // An earlier no, and a "niet nu" for this offer until the day the person chose, hold for suggestions too.
        var refused = proposed
            .Where(p => forRound || p.Answer == NewcomerAnswer.No || (p.Answer == NewcomerAnswer.NotNow && p.NotNowUntil >= today && p.NotNowKind == null))
            .ToLookup(p => p.NewcomerId, p => p.Target);
        var kindsNotNow = proposed
            .Where(p => p.Answer == NewcomerAnswer.NotNow && p.NotNowUntil >= today && p.NotNowKind != null)
            .ToLookup(p => p.NewcomerId, p => p.NotNowKind!);
        var matchedBefore = forRound
            ? (await db.CohortMatches.AsNoTracking().Where(m => ids.Contains(m.NewcomerId)).Select(m => new { m.NewcomerId, m.TargetId }).ToListAsync(cancellationToken))
                .ToLookup(m => m.NewcomerId, m => m.TargetId)
            : Enumerable.Empty<Guid>().ToLookup(_ => Guid.Empty);
        var womenOnlyKeys = pool.Items.Values.Where(i => i.WomenOnly).Select(i => i.Key).ToList();
        var keyOfTarget = pool.Items.Values.ToDictionary(i => i.TargetId, i => i.Key);
        var places = NetworkPlaces.Of(pool);

        return [.. newcomers.Select(n =>
        {
            var s = strengths.GetValueOrDefault(n.Id);
            var g = giving.GetValueOrDefault(n.Id);
            var a = aspirations.GetValueOrDefault(n.Id);
            var spoken = languages.GetValueOrDefault(n.Id)?.Languages ?? [];
            return new Engine.Person
            {
                Id = n.Id.ToString(),
                Talents = [.. MatchingText.TagsIn(s?.Talents, s?.Skills, s?.KnownFor, s?.EnergisedBy)],
                Interests = [.. (s?.Interests ?? []).Concat(MatchingText.TagsIn(s?.Hobbies)).Distinct(StringComparer.OrdinalIgnoreCase)],
                Wishes = [.. MatchingText.TagsIn(a?.ShortTerm, a?.LongTerm)],
                CanGive = [.. (g?.Offers ?? []).Concat(MatchingText.TagsIn(g?.Description)).Distinct(StringComparer.OrdinalIgnoreCase)],
                Languages = [.. spoken.Where(l => !IsDutch(l.Language)).Select(l => new Engine.LanguageSkill(l.Language.Trim(), MatchingLevels.Cefr(Spoken(l))))],
                DutchLevel = spoken.FirstOrDefault(l => IsDutch(l.Language)) is { } dutch ? MatchingLevels.Cefr(Spoken(dutch)) : Engine.CefrLevel.None,
                Education = education.GetValueOrDefault(n.Id) is { } e ? MatchingLevels.Education(e.HighestLevel) : Engine.EducationLevel.None,
                ValuedNlqf = education.GetValueOrDefault(n.Id)?.HighestValuedNlqf,
                PiezoPhase = plans.GetValueOrDefault(n.Id)?.PiezoPhase,
                WorkIsTheGoal = plans.GetValueOrDefault(n.Id)?.MainGoal == MainGoal.Work,
                SteppingStones = [.. (plans.GetValueOrDefault(n.Id)?.SteppingStones ?? [])
                    .Select(s => occupations.Find(s.EscoUri) is { } o ? new Engine.SteppingStone(o.IscoGroup, s.Reason) : null)
                    .OfType<Engine.SteppingStone>()],
                FormerOccupations = [.. (work.GetValueOrDefault(n.Id)?.Jobs ?? [])
                    .Select(j => j.EscoUri is { } uri ? occupations.Find(uri) : null)
                    .OfType<Occupation>()
                    .Select(o => new Engine.Occupation(o.IscoGroup, o.LabelNl))],
                Household = new Engine.Household(NeedsChildcare: NeedsChildcare(households.GetValueOrDefault(n.Id), today)),
                ExcludedOfferIds = [.. refused[n.Id].Concat(matchedBefore[n.Id]).Select(t => keyOfTarget.GetValueOrDefault(t)).OfType<string>()
                    .Concat(pool.Items.Values.Where(i => kindsNotNow[n.Id].Contains(i.KindKey)).Select(i => i.Key))
                    .Concat(n.Gender == Gender.Female ? [] : womenOnlyKeys)
                    .Distinct(StringComparer.Ordinal)],
                Knows = [.. (network.GetValueOrDefault(n.Id)?.Contacts ?? []).Select(c => MatchingText.PersonKey(c.Who)).Where(k => k.Length > 0)
                    .Concat(places.KnownThrough(network.GetValueOrDefault(n.Id)?.Contacts ?? []))],
                Profile = MatchingText.ProfileOf(n.Gender, IntegrationLaw.AgeOn(n.DateOfBirth, today),
                    households.GetValueOrDefault(n.Id)?.Children.Count > 0),
                NotNow = n.AsksNotNow(today),
                Age = IntegrationLaw.AgeOn(n.DateOfBirth, today),
                Gender = n.Gender.Dutch(),
                Origin = n.CountryOfOrigin,
            };
        })];
    }

    private async Task<Dictionary<Guid, T>> Read<T>(List<Guid> ids, CancellationToken cancellationToken) where T : IntakeSection =>
        await db.Set<T>().AsNoTracking().Where(s => ids.Contains(s.NewcomerId)).ToDictionaryAsync(s => s.NewcomerId, cancellationToken);

    private static bool IsDutch(string language) => string.Equals(language.Trim(), DutchLanguage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Matching is about taking part together, so what counts is how well someone speaks and understands.</summary>
    private static Intake.CefrLevel Spoken(Intake.LanguageSkill skill) => skill.Speaking > skill.Listening ? skill.Speaking : skill.Listening;

    /// <summary>A child under four without a place at day care or school needs someone to look after them during an activity.</summary>
    private static bool NeedsChildcare(HouseholdSection? household, DateOnly today) =>
        household?.Children.Any(c => c.DateOfBirth is { } born && IntegrationLaw.AgeOn(born, today) < 4 && string.IsNullOrWhiteSpace(c.SchoolOrDayCare)) == true;
}

/// <summary>
/// The clubs and organisations someone's informal network names: "kent iemand bij de voetbalclub" finds the offer
/// "Voetbalclub SV Dalfsen". A word of five letters or more in who they know (or where) that starts a word of an
/// offer's title or organisation counts; a word that many offers share (the town's name) says nothing and is skipped.
/// </summary>
internal sealed class NetworkPlaces
{
    private const int ShortestWord = 5;
    private const int MostOffersForAWord = 3;

    private static readonly HashSet<string> SaysNothing = new(StringComparer.Ordinal)
    {
        "iemand", "mensen", "persoon", "vriend", "vrienden", "vriendin", "familie", "kennis", "kennissen", "buren", "buurman", "buurvrouw",
        "landgenoot", "landgenoten", "collega", "collegas", "zijn", "haar", "neef", "nicht", "broer", "zus", "oom", "tante", "via", "daar",
    };

    private readonly Dictionary<string, List<string>> _placesByWord;

    private NetworkPlaces(Dictionary<string, List<string>> placesByWord) => _placesByWord = placesByWord;

    public static NetworkPlaces Of(MatchingPool pool)
    {
        var byWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in pool.Items.Values.Where(i => i.Kind == TargetKind.Offer))
        {
            foreach (var word in Words($"{item.Title} {item.Organisation}").Distinct(StringComparer.Ordinal))
            {
                (byWord.TryGetValue(word, out var keys) ? keys : byWord[word] = []).Add(item.PlaceKey);
            }
        }
        return new NetworkPlaces(byWord.Where(w => w.Value.Count <= MostOffersForAWord).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal));
    }

    public IEnumerable<string> KnownThrough(IEnumerable<Contact> contacts) =>
        contacts
            .SelectMany(c => Words($"{c.Who} {c.Place}"))
            .SelectMany(word => _placesByWord.Where(p => p.Key.StartsWith(word, StringComparison.Ordinal)).SelectMany(p => p.Value))
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', '.', '(', ')', '/', '-', ';', ':', '\'', '’'], StringSplitOptions.RemoveEmptyEntries)
            .Select(NameMatching.Normalise)
            .Where(w => w.Length >= ShortestWord && !SaysNothing.Contains(w));
}
