using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Milestones;

/// <summary>When an item of the settling checklist applies to a household.</summary>
public enum SettlingApplies
{
    Always,
    /// <summary>Children of 4 up to 18: primary school from 4, then the kwalificatieplicht until 18.</summary>
    SchoolAgeChildren,
    /// <summary>Children under 4: kinderopvang or peuterspeelzaal (and VVE).</summary>
    YoungChildren,
}

public sealed record SettlingItemDefinition(string Code, string Title, string Hint, SettlingApplies Applies);

/// <summary>What the intake's household part tells about the children; unknown while that part is not recorded.</summary>
public sealed record HouseholdFacts(bool Known, IReadOnlyList<DateOnly?> ChildrenBorn)
{
    public static HouseholdFacts Unknown { get; } = new(false, []);

    public static HouseholdFacts From(HouseholdSection? household) =>
        household is null ? Unknown : new HouseholdFacts(true, household.Children.Select(c => c.DateOfBirth).ToList());

    /// <summary>Why the item does not apply, or null when it does (or when the household does not tell).</summary>
    public string? NotApplicableBecause(SettlingApplies applies, DateOnly today)
    {
        if (!Known || applies == SettlingApplies.Always)
        {
            return null;
        }
        // A child without a birth date might be any age: the item stays to be decided by hand.
        var ages = ChildrenBorn.Select(b => b is { } born ? IntegrationLaw.AgeOn(born, today) : (int?)null).ToList();
        return applies switch
        {
            SettlingApplies.SchoolAgeChildren when !ages.Any(a => a is null or (>= 4 and < 18)) =>
                "volgens de intake geen kinderen van 4 tot 18 jaar",
            SettlingApplies.YoungChildren when !ages.Any(a => a is null or < 4) =>
                "volgens de intake geen kinderen onder de 4 jaar",
            _ => null,
        };
    }
}

/// <summary>
/// The settling checklist (vestigen) of Dalfsen's plan, in the order things are usually arranged:
/// first the registration that everything else needs, last getting to know the neighbourhood.
/// </summary>
public static class SettlingItems
{
    public static IReadOnlyList<SettlingItemDefinition> All { get; } =
    [
        new("inschrijving", "Inschrijving in de BRP (gemeente)", "ingeschreven op het woonadres, BSN bekend", SettlingApplies.Always),
        new("bankrekening", "Bankrekening", "betaalrekening en bankpas op eigen naam", SettlingApplies.Always),
        new("zorgverzekering", "Zorgverzekering en zorgtoeslag", "basisverzekering afgesloten, zorgtoeslag aangevraagd", SettlingApplies.Always),
        new("huisarts", "Huisarts", "ingeschreven bij een huisarts in de buurt", SettlingApplies.Always),
        new("tandarts", "Tandarts", "ingeschreven bij een tandarts", SettlingApplies.Always),
        new("school", "School voor de kinderen", "kinderen van 4 tot 18 op school of in een internationale schakelklas", SettlingApplies.SchoolAgeChildren),
        new("kinderopvang", "Kinderopvang of peuterspeelzaal", "plek voor kinderen onder de 4, VVE besproken", SettlingApplies.YoungChildren),
        new("digid", "DigiD", "aangevraagd en geactiveerd", SettlingApplies.Always),
        new("energie-water", "Energie en water", "contracten op eigen naam, meterstanden doorgegeven", SettlingApplies.Always),
        new("verzekeringen", "Inboedel- en aansprakelijkheidsverzekering", "inboedel en wettelijke aansprakelijkheid verzekerd", SettlingApplies.Always),
        new("toeslagen", "Toeslagen", "huurtoeslag; bij kinderen ook kinderbijslag en kindgebonden budget", SettlingApplies.Always),
        new("bibliotheek", "Bibliotheekpas", "lid van de bibliotheek, taalhuis bekend", SettlingApplies.Always),
        new("ontzorgen", "Afspraken over ontzorgen", "welke vaste lasten de gemeente de eerste maanden uit de uitkering betaalt", SettlingApplies.Always),
        new("buren-wijk", "Kennismaking met buren en wijk", "buren ontmoet, wijkcentrum en buurtactiviteiten bekend", SettlingApplies.Always),
    ];

    public static SettlingItemDefinition? Find(string code) => All.FirstOrDefault(d => d.Code == code);
}

/// <summary>One item as the pages show it: its stored state, or not applicable because of the household.</summary>
public sealed record SettlingRow(SettlingItemDefinition Definition, SettlingItemStatus Status, DateOnly? DoneOn, string? DoneBy, string? Note, string? AutomaticallyNotApplicable)
{
    public bool Counts => AutomaticallyNotApplicable is null && Status != SettlingItemStatus.NotApplicable;

    public bool Done => Counts && Status == SettlingItemStatus.Done;
}

/// <summary>"7 van 12 geregeld": done items out of those that apply; complete when all that apply are done.</summary>
public sealed record SettlingProgress(int Done, int Total, DateOnly? CompletedOn)
{
    public bool Complete => CompletedOn is not null;

    public static IReadOnlyList<SettlingRow> Rows(SettlingChecklist? checklist, HouseholdFacts household, DateOnly today) =>
        SettlingItems.All.Select(definition =>
        {
            var item = checklist?.Item(definition.Code);
            return new SettlingRow(definition, item?.Status ?? SettlingItemStatus.Open, item?.DoneOn, item?.DoneBy, item?.Note,
                household.NotApplicableBecause(definition.Applies, today));
        }).ToList();

    public static SettlingProgress Of(IReadOnlyList<SettlingRow> rows)
    {
        var counting = rows.Where(r => r.Counts).ToList();
        var done = counting.Where(r => r.Done).ToList();
        // Settled on the day the last item that applies was arranged.
        var completedOn = counting.Count > 0 && done.Count == counting.Count ? done.Max(r => r.DoneOn) : null;
        return new SettlingProgress(done.Count, counting.Count, completedOn);
    }
}
