using CsCheck;

namespace Thuis.Matching.Tests;

/// <summary>Work at one's own level: the teacher of seed 004 is not sent to the warehouse.</summary>
public sealed class LevelTests
{
    private static readonly Occupation Teacher = new("2341", "leraar basisonderwijs");

    private static readonly Person Amal = new()
    {
        Id = "amal",
        Education = EducationLevel.Bachelor,
        FormerOccupations = [Teacher],
        DutchLevel = CefrLevel.A2,
        Languages = [new LanguageSkill("Engels", CefrLevel.B2)],
        PiezoPhase = 3,
    };

    private static readonly Offer[] Work =
    [
        Job("orderpicker", "Orderpicker", "9333", "orderpicker"),
        Job("productie", "Productiemedewerker", "8219", "assemblagemedewerker"),
        Job("assistent", "Onderwijsassistent basisschool", "5312", "onderwijsassistent basisonderwijs"),
        Job("leraar", "Leraar basisonderwijs (zij-instroom)", "2341", "leraar basisonderwijs"),
        new() { Id = "koor", Title = "Buurtkoor", Kind = OfferKind.Club },
    ];

    [Fact]
    public void The_teacher_is_not_offered_order_picking_but_work_in_her_own_field_and_at_her_level()
    {
        var suggestions = MatchingEngine.Suggest(Amal, MatchingIndex.Build(Work));

        Assert.Equal(["assistent", "koor", "leraar"], suggestions.Select(s => s.OfferId).Order(StringComparer.Ordinal));
        Assert.Contains(suggestions.Single(s => s.OfferId == "assistent").Reasons,
            r => r.Kind == ReasonKind.EducationLevel && r.Text == "in je eigen vak (leraar basisonderwijs), als opstap" && r.Contribution < 0);
        Assert.Contains(suggestions.Single(s => s.OfferId == "leraar").Reasons,
            r => r.Kind == ReasonKind.EducationLevel && r.Text == "past bij je niveau (hbo, leraar basisonderwijs)" && r.Contribution > 0);
    }

    [Fact]
    public void Work_below_her_level_that_her_plan_chose_as_a_stepping_stone_is_suggested_with_the_plans_reason()
    {
        var chosen = Amal with { SteppingStones = [new SteppingStone("9333", "wil nu geld verdienen en Nederlands oefenen")] };

        var suggestions = MatchingEngine.Suggest(chosen, MatchingIndex.Build(Work));

        var picker = suggestions.Single(s => s.OfferId == "orderpicker");
        Assert.Contains(picker.Reasons, r => r.Text == "gekozen als opstap in het plan: wil nu geld verdienen en Nederlands oefenen");
        Assert.DoesNotContain(suggestions, s => s.OfferId == "productie");
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(2, false, false)]
    [InlineData(2, true, true)]
    [InlineData(3, false, true)]
    [InlineData(4, false, true)]
    [InlineData(null, false, true)]
    public void Paid_jobs_wait_for_the_piezo_phase_unless_work_is_the_plans_goal(int? phase, bool workGoal, bool jobs)
    {
        var offers = new[] { Job("leraar", "Leraar basisonderwijs", "2341", "leraar basisonderwijs"), Job("stage", "Snuffelstage op school", "2341", "leraar basisonderwijs") with { Kind = OfferKind.Internship } };

        var suggestions = MatchingEngine.Suggest(Amal with { PiezoPhase = phase, WorkIsTheGoal = workGoal }, MatchingIndex.Build(offers));

        Assert.Equal(jobs ? ["leraar", "stage"] : ["stage"], suggestions.Select(s => s.OfferId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_diploma_valued_in_the_netherlands_goes_before_the_education_recorded_and_is_named_so()
    {
        var valued = Amal with { FormerOccupations = [], Education = EducationLevel.Bachelor, ValuedNlqf = 4 };

        var suggestions = MatchingEngine.Suggest(valued, MatchingIndex.Build(Work));

        Assert.Equal(SkillLevel.Two, WorkLevels.OfPerson(valued));
        Assert.Contains(suggestions.Single(s => s.OfferId == "productie").Reasons, r => r.Text == "past bij je niveau (mbo 4)");
        Assert.Contains(suggestions, s => s.OfferId == "orderpicker");
    }

    [Theory]
    [InlineData("2341", SkillLevel.Four)]
    [InlineData("1411", SkillLevel.Three)]
    [InlineData("1120", SkillLevel.Four)]
    [InlineData("3221", SkillLevel.Three)]
    [InlineData("5312", SkillLevel.Two)]
    [InlineData("8219", SkillLevel.Two)]
    [InlineData("9333", SkillLevel.One)]
    [InlineData("0110", SkillLevel.Four)]
    [InlineData("0210", SkillLevel.Two)]
    [InlineData("0310", SkillLevel.One)]
    [InlineData("", SkillLevel.Unknown)]
    [InlineData("x", SkillLevel.Unknown)]
    public void An_occupations_level_is_its_isco_major_groups(string code, SkillLevel level) => Assert.Equal(level, WorkLevels.OfIsco(code));

    [Theory]
    [InlineData("2341", "5312", true)]
    [InlineData("2221", "3221", true)]
    [InlineData("2221", "5321", true)]
    [InlineData("5120", "9412", true)]
    [InlineData("2341", "9333", false)]
    [InlineData("2341", "8219", false)]
    [InlineData("7212", "7214", true)]
    public void A_field_spans_the_levels_of_one_trade(string a, string b, bool same)
    {
        Assert.Equal(same, WorkLevels.SameField(a, b));
        Assert.Equal(same, WorkLevels.SameField(b, a));
    }

    [Fact]
    public void Every_esco_occupation_has_a_level_and_within_a_sub_major_group_the_levels_are_one()
    {
        // Why the own field needs the families: ISCO groups by level first, so a sub-major group never spans two levels
        // (except the managers and the armed forces, whose major groups are two levels each).
        var codes = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "isco_groups.csv")).Select(l => l.Split(',')[0]).Where(c => c.Length == 4 && c.All(char.IsAsciiDigit)).ToList();
        Assert.True(codes.Count > 400, $"{codes.Count} codes");
        Assert.All(codes, c => Assert.NotEqual(SkillLevel.Unknown, WorkLevels.OfIsco(c)));
        var spread = codes.Where(c => c[0] is not ('0' or '1')).GroupBy(c => c[..2]).Where(g => g.Select(WorkLevels.OfIsco).Distinct().Count() > 1).Select(g => g.Key);
        Assert.Empty(spread);
    }

    [Fact]
    public void No_suggestion_or_proposal_is_work_too_far_below_unless_in_the_own_field_or_chosen_and_jobs_wait_for_their_phase() =>
        Generators.Instance(maxOffers: 30, maxPeople: 12).Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var byId = instance.Offers.ToDictionary(o => o.Id);
            var people = instance.People.ToDictionary(p => p.Id);
            var options = new CohortOptions { MaxProposalsPerPerson = 2, CandidatesPerPerson = 5, Threads = 2 };
            var pairs = instance.People.SelectMany(p => MatchingEngine.Suggest(p, index, top: 50))
                .Concat(MatchingEngine.ProposeForCohort(instance.People, index, options).Suggestions)
                .Select(s => (Person: people[s.PersonId], Offer: byId[s.OfferId]));
            foreach (var (person, offer) in pairs)
            {
                var chosen = offer.Occupation is { } o && person.SteppingStones.Any(s => s.IscoCode == o.IscoCode);
                var ownField = offer.Occupation is { } own && person.FormerOccupations.Any(f => WorkLevels.SameField(f.IscoCode, own.IscoCode));
                Assert.True(!Generators.TooFarBelow(person, offer) || ownField || chosen, $"{person.Id} got {offer.Id} below their level");
                Assert.True(offer.Kind != OfferKind.Job || person.PiezoPhase is null or >= 3 || person.WorkIsTheGoal || chosen, $"{person.Id} got job {offer.Id} in phase {person.PiezoPhase}");
            }
        }, iter: 150);

    private static Offer Job(string id, string title, string isco, string label) => new()
    {
        Id = id,
        Title = title,
        Kind = OfferKind.Job,
        Occupation = new Occupation(isco, label),
    };
}
