namespace Thuis.Web.Features.Intake;

/// <summary>Interests a newcomer can have; matching compares them with the tags of offers.</summary>
public static class InterestTags
{
    public static IReadOnlyList<string> All { get; } =
        ["sport", "hardlopen", "voetbal", "muziek", "zingen", "dansen", "koken", "bakken", "handwerk", "naaien", "techniek", "fietsen repareren",
         "tuinieren", "natuur", "kunst", "fotografie", "lezen", "taal", "computers", "spellen", "kinderen", "ouderen", "dieren", "geloof"];
}

/// <summary>What a newcomer can give; the seeds' examples come first.</summary>
public static class GivingTags
{
    public static IReadOnlyList<string> All { get; } =
        ["koken voor een groep", "lesgeven", "een team coachen", "tolken of vertalen", "klussen en repareren", "oppassen",
         "zorgen voor ouderen", "tuinieren", "knippen en kappen", "naaien", "muziek maken", "sport begeleiden", "vrijwilligerswerk", "voorlichting aan landgenoten"];
}
