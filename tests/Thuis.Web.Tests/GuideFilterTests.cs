using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Tests;

/// <summary>The guide's filters over the shipped example catalogue: each question and exactly the interventions it finds.</summary>
public sealed class GuideFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static TheoryData<string, GuideCriteria, string[]> Questions => new()
    {
        { "financieel gezond zijn", new(Domain: ParticipationDomain.FinancialHealth), ["thuisadministratie", "grip-op-geld", "geldzaken-eigen-taal", "vroeg-erop-af"] },
        { "financieel gezond, 55 jaar, A1", new(Domain: ParticipationDomain.FinancialHealth, Age: 55, DutchLevel: CefrLevel.A1), ["thuisadministratie", "geldzaken-eigen-taal", "vroeg-erop-af"] },
        { "financieel gezond, A2", new(Domain: ParticipationDomain.FinancialHealth, DutchLevel: CefrLevel.A2), ["thuisadministratie", "grip-op-geld", "geldzaken-eigen-taal", "vroeg-erop-af"] },
        { "financieel gezond, niet gealfabetiseerd", new(Domain: ParticipationDomain.FinancialHealth, NotLiterate: true), ["thuisadministratie", "geldzaken-eigen-taal", "vroeg-erop-af"] },
        { "speciaal voor 50-plussers", new(Focus: TargetFocus.Over50), ["stap-voor-stap-activering", "thuisadministratie", "leer-vrijwilligerswerk", "meedoen-na-vijftig"] },
        { "speciaal voor jongeren", new(Focus: TargetFocus.YoungPeople), ["sport-kennismaking", "jongerencoach"] },
        { "speciaal voor ouders", new(Focus: TargetFocus.Parents), ["opvoeden-nieuw-land"] },
        { "speciaal voor vrouwen", new(Focus: TargetFocus.Women), ["vrouwen-ontmoeten"] },
        { "17 jaar", new(Age: 17), ["taalmaatjes", "sport-kennismaking", "rolmodellen", "jongerencoach"] },
        { "betaald werk zonder Nederlands", new(Domain: ParticipationDomain.PaidWork, DutchLevel: CefrLevel.None), ["stap-voor-stap-activering"] },
        { "minstens effectief, eerste aanwijzingen", new(MinimumRecognition: RecognitionLevel.EffectiveFirstIndications), ["taalmaatjes", "grip-op-geld", "vroeg-erop-af", "sterker-samen"] },
        { "zoeken op 'geld'", new(Text: "geld"), ["grip-op-geld", "geldzaken-eigen-taal", "vroeg-erop-af"] },
        { "zoeken zonder op hoofdletters en accenten te letten", new(Text: "GEZÓNDHEID"), ["vrouwen-ontmoeten"] },
        { "zoeken op twee woorden", new(Text: "eigen taal"), ["geldzaken-eigen-taal"] },
        { "ontmoeten voor een man", new(Domain: ParticipationDomain.Meeting, Gender: Gender.Male), ["stap-voor-stap-activering", "taalmaatjes", "buddy-nieuwkomers", "sport-kennismaking", "sterker-samen", "rolmodellen", "meedoen-na-vijftig"] },
        { "voor anderen zorgen, met kinderen", new(Domain: ParticipationDomain.CaringForOthers, IsParent: true), ["opvoeden-nieuw-land"] },
        { "voor anderen zorgen, zonder kinderen", new(Domain: ParticipationDomain.CaringForOthers, IsParent: false), [] },
        { "alleen wat hier beschikbaar is", new(AvailableHereOnly: true), ["taalmaatjes"] },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_guide_finds_exactly_the_interventions_that_fit(string question, GuideCriteria criteria, string[] expected)
    {
        var (entries, keyOf) = ShippedEntries();

        var found = GuideFilter.Apply(entries, criteria, Today).Select(r => keyOf[r.Entry.Id]).ToList();

        Assert.True(expected.Order().SequenceEqual(found.Order()), $"{question}: verwacht {string.Join(", ", expected)}, gevonden {string.Join(", ", found)}");
    }

    [Fact]
    public void Without_any_filter_every_shipped_intervention_is_found()
    {
        var (entries, _) = ShippedEntries();

        Assert.Equal(16, GuideFilter.Apply(entries, new GuideCriteria(), Today).Count);
    }

    [Fact]
    public void A_card_says_why_an_intervention_fits_the_person()
    {
        var (entries, keyOf) = ShippedEntries();

        var result = GuideFilter.Apply(entries, new GuideCriteria(Domain: ParticipationDomain.FinancialHealth, Age: 55, DutchLevel: CefrLevel.A1), Today)
            .Single(r => keyOf[r.Entry.Id] == "thuisadministratie");

        Assert.Equal(["werkt aan financieel gezond zijn", "past bij 55 jaar", "taalniveau A1 is genoeg"], result.Reasons);
    }

    [Fact]
    public void What_runs_here_comes_first_and_says_where()
    {
        var (entries, keyOf) = ShippedEntries();

        var results = GuideFilter.Apply(entries, new GuideCriteria(), Today);

        Assert.Equal("taalmaatjes", keyOf[results[0].Entry.Id]);
        Assert.Contains("hier beschikbaar bij Buurthuis De Schakel", results[0].Reasons);
        Assert.Contains("in de buurt: Ommen", results.Single(r => keyOf[r.Entry.Id] == "sterker-samen").Reasons);
    }

    [Fact]
    public void Expired_recognitions_are_marked_and_current_ones_are_not()
    {
        var (entries, keyOf) = ShippedEntries();

        var states = GuideFilter.Apply(entries, new GuideCriteria(), Today).ToDictionary(r => keyOf[r.Entry.Id], r => r.RecognitionState);

        Assert.Equal(
            ["buddy-nieuwkomers", "jongerencoach", "rolmodellen", "taalmaatjes", "vroeg-erop-af"],
            states.Where(s => s.Value == RecognitionState.Expired).Select(s => s.Key).Order());
        Assert.Equal(RecognitionState.Current, states["thuisadministratie"]);
    }

    private static (List<GuideEntry> Entries, Dictionary<Guid, string> KeyOf) ShippedEntries()
    {
        var keyOf = new Dictionary<Guid, string>();
        var entries = new List<GuideEntry>();
        foreach (var seed in InterventionSeedFile.Shipped())
        {
            var details = seed.ToDetails();
            var id = Guid.NewGuid();
            keyOf[id] = seed.Key;
            var availability = seed.Key switch
            {
                "taalmaatjes" => new GuideAvailability("Buurthuis De Schakel", []),
                "sterker-samen" => new GuideAvailability(null, ["Ommen"]),
                _ => GuideAvailability.Nowhere,
            };
            entries.Add(new GuideEntry(id, details.Name, details.Summary, details.IsExample, false, [.. details.Domains],
                details.Target, details.Recognition, details.Duration, details.CostPerParticipant, availability));
        }
        return (entries, keyOf);
    }
}
