namespace Thuis.Matching.Tests;

public sealed class SuggestionTests
{
    // Dalfsen's centre, and a place about 2.5 km further east (10 minutes by bike).
    private static readonly GeoPoint Home = new(52.5100, 6.2600);
    private static readonly GeoPoint TenMinutes = new(52.5100, 6.2969);

    private static readonly Offer Kitchen = new()
    {
        Id = "kookcafe",
        Title = "Buurtkookcafé",
        Kind = OfferKind.VolunteerWork,
        Tags = ["koken"],
        Occupation = new Occupation("5120", "een kok"),
        DutchNeeded = CefrLevel.A1,
        Location = TenMinutes,
        Members = ["yonas", "saba", "piet"],
        LowThreshold = true,
    };

    private static readonly Offer Buddy = new()
    {
        Id = "buddy-amanuel",
        Title = "Buddy Amanuel",
        Kind = OfferKind.Volunteer,
        RoleName = "de buddy",
        Languages = ["Tigrinya", "Engels"],
        LanguageInCommonRequired = true,
        Location = Home,
    };

    private static readonly Offer Warehouse = new()
    {
        Id = "magazijn",
        Title = "Magazijnmedewerker",
        Kind = OfferKind.Job,
        Occupation = new Occupation("4321", "magazijnmedewerker"),
        DutchNeeded = CefrLevel.A2,
        Location = Home,
    };

    private static readonly Person Tesfay = new()
    {
        Id = "tesfay",
        Talents = ["koken"],
        Languages = [new LanguageSkill("Tigrinya", CefrLevel.C2)],
        DutchLevel = CefrLevel.A1,
        Education = EducationLevel.Vocational,
        FormerOccupations = [new Occupation("5120", "kok")],
        Location = Home,
        Knows = ["yonas", "saba"],
    };

    [Fact]
    public void A_former_cook_gets_the_kitchen_with_reasons_a_case_manager_can_read()
    {
        var index = MatchingIndex.Build([Kitchen, Buddy, Warehouse]);

        var suggestions = MatchingEngine.Suggest(Tesfay, index);

        Assert.Equal(["kookcafe", "buddy-amanuel"], suggestions.Select(s => s.OfferId));
        var kitchen = suggestions[0];
        Assert.Equal(
            [
                "was kok; dit aanbod vraagt een kok",
                "is goed in koken; daar draait dit aanbod om",
                "kent hier twee mensen",
                "10 minuten fietsen",
                "A1 Nederlands is genoeg",
                "laagdrempelig en leuk om mee te beginnen",
            ],
            kitchen.Reasons.Select(r => r.Text));
        Assert.Equal(1.5 + 1.0 + 0.8 + 0.3 + 0.3 + 0.6667, kitchen.Score, 3);
        Assert.Contains(suggestions[1].Reasons, r => r.Text == "spreekt Tigrinya, net als de buddy");
    }

    [Fact]
    public void An_unknown_place_neither_helps_nor_hurts_and_gives_no_distance_reason()
    {
        var index = MatchingIndex.Build([Kitchen, Kitchen with { Id = "kookcafe-zonder-adres", Location = null }]);

        var located = MatchingEngine.Suggest(Tesfay, index);
        var homeless = MatchingEngine.Suggest(Tesfay with { Location = null }, index);

        var withPlace = located.Single(s => s.OfferId == "kookcafe");
        var withoutPlace = located.Single(s => s.OfferId == "kookcafe-zonder-adres");
        var distance = Assert.Single(withPlace.Reasons, r => r.Kind == ReasonKind.Distance);
        Assert.Equal("10 minuten fietsen", distance.Text);
        Assert.DoesNotContain(withoutPlace.Reasons, r => r.Kind == ReasonKind.Distance);
        Assert.Equal(withPlace.Score - distance.Contribution, withoutPlace.Score, 4);
        Assert.All(homeless, s => Assert.DoesNotContain(s.Reasons, r => r.Kind == ReasonKind.Distance));
        Assert.All(homeless, s => Assert.Equal(withoutPlace.Score, s.Score, 4));
    }

    [Fact]
    public void Work_at_someones_level_says_which_education_and_trade_it_fits()
    {
        var index = MatchingIndex.Build([Warehouse]);
        var fluent = Tesfay with { DutchLevel = CefrLevel.B1, Education = EducationLevel.UpperSecondary, FormerOccupations = [] };

        var reasons = MatchingEngine.Suggest(fluent, index).Single().Reasons;

        Assert.Contains(reasons, r => r.Kind == ReasonKind.EducationLevel && r.Text == "past bij je niveau (havo/vwo)" && Math.Abs(r.Contribution - 0.8) < 1e-6);
        var cook = MatchingEngine.Suggest(fluent with { Education = EducationLevel.Primary, FormerOccupations = [new Occupation("5120", "kok")] }, index).Single().Reasons;
        Assert.Contains(cook, r => r.Text == "past bij je niveau (kok)");
    }

    [Fact]
    public void Hard_constraints_leave_offers_out()
    {
        var index = MatchingIndex.Build([Kitchen, Buddy, Warehouse with { DutchNeeded = CefrLevel.A1 }]);

        Assert.DoesNotContain(MatchingEngine.Suggest(Tesfay with { Languages = [new LanguageSkill("Arabisch", CefrLevel.C2)] }, index), s => s.OfferId == "buddy-amanuel");
        Assert.DoesNotContain(MatchingEngine.Suggest(Tesfay with { ExcludedTags = ["koken"] }, index), s => s.OfferId == "kookcafe");
        Assert.DoesNotContain(MatchingEngine.Suggest(Tesfay with { ExcludedOfferIds = ["magazijn"] }, index), s => s.OfferId == "magazijn");
        Assert.DoesNotContain(MatchingEngine.Suggest(Tesfay with { DutchLevel = CefrLevel.None }, index), s => s.OfferId == "kookcafe");
        Assert.Empty(MatchingEngine.Suggest(Tesfay with { Availability = WeekSchedule.Never }, index));
        Assert.Empty(MatchingEngine.Suggest(Tesfay with { NotNow = true }, index));
        Assert.Empty(MatchingEngine.Suggest(Tesfay, MatchingIndex.Build([Kitchen with { Capacity = 0 }])));
        Assert.Single(MatchingEngine.Suggest(Tesfay, index, kinds: new HashSet<OfferKind> { OfferKind.Job }));
    }

    [Fact]
    public void Someone_without_evenings_gets_no_evening_offer()
    {
        var choir = new Offer { Id = "koor", Title = "Koor", Schedule = WeekSchedule.Never.With(DayOfWeek.Thursday, PartOfDay.Evening) };
        var index = MatchingIndex.Build([choir]);
        var evenings = WeekSchedule.Never.With(DayOfWeek.Thursday, PartOfDay.Evening);

        Assert.Single(MatchingEngine.Suggest(Tesfay with { Availability = evenings }, index));
        Assert.Empty(MatchingEngine.Suggest(Tesfay with { Availability = evenings, Household = new Household(NoEvenings: true) }, index));
    }

    [Fact]
    public void A_parent_who_needs_childcare_sees_whether_it_is_arranged()
    {
        var withCare = Kitchen with { Id = "a", Childcare = true };
        var without = Kitchen with { Id = "b", Childcare = false };
        var parent = Tesfay with { Household = new Household(NeedsChildcare: true) };

        var suggestions = MatchingEngine.Suggest(parent, MatchingIndex.Build([withCare, without]));

        Assert.Equal(["a", "b"], suggestions.Select(s => s.OfferId));
        Assert.Contains(suggestions[0].Reasons, r => r.Text == "kinderopvang geregeld");
        Assert.Contains(suggestions[1].Reasons, r => r.Text == "geen kinderopvang, terwijl dat nodig is" && r.Contribution < 0);
    }

    [Fact]
    public void A_volunteers_preference_is_explained_as_their_wish_met_by_the_household_not_as_the_persons_talent()
    {
        Offer taalmaatje = new()
        {
            Id = "taalmaatje-marleen",
            Title = "Marleen",
            Kind = OfferKind.Volunteer,
            RoleName = "het taalmaatje",
            Tags = ["taal"],
            PreferredTags = ["een gezin met kinderen", "koken"],
        };
        var family = new Person { Id = "hiba", Interests = ["kinderen", "koken"], Profile = ["een gezin met kinderen"] };
        var alone = new Person { Id = "samir", Interests = ["kinderen"] };
        var index = MatchingIndex.Build([taalmaatje]);

        var reasons = MatchingEngine.Suggest(family, index, 1).Single().Reasons;
        Assert.Contains(reasons, r => r.Kind == ReasonKind.Preference && r.Text == "Het taalmaatje wil liefst een gezin met kinderen; dat past");
        Assert.Contains(reasons, r => r.Kind == ReasonKind.Preference && r.Text == "Het taalmaatje wil liefst iemand met belangstelling voor koken; dat past");
        Assert.DoesNotContain(reasons, r => r.Text.Contains("houdt van", StringComparison.Ordinal));
        Assert.DoesNotContain(MatchingEngine.Suggest(alone, index, 1).SelectMany(s => s.Reasons), r => r.Kind == ReasonKind.Preference);
    }
}
