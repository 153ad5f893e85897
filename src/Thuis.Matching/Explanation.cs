using System.Globalization;

namespace Thuis.Matching;

/// <summary>Breaks a pair's score into its parts, each in words a case manager understands.</summary>
internal static class Explanation
{
    // Dutch number formatting written out, so reasons read the same where the host runs without culture data.
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static readonly string[] Numbers = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

    public static Suggestion Suggestion(MatchingIndex ix, PreparedPerson p, int j, float score) =>
        new(p.Source.Id, ix.Offer(j).Id, score, Reasons(ix, p, j), MatchingEngine.RulesVersion);

    public static IReadOnlyList<Reason> Reasons(MatchingIndex ix, PreparedPerson p, int j)
    {
        var w = ix.Weights;
        var offer = ix.Offer(j);
        var person = p.Source;
        var reasons = new List<Reason>();

        for (var f = 0; f < ix.FeatureCount; f++)
        {
            if (p.Features[f] != 0f && (ix.TagMask[(j * ix.TagWords) + (f / 64)] & (1UL << (f % 64))) != 0)
            {
                var tag = ix.Tags[f];
                var weight = p.Features[f];
                var (kind, text) =
                    weight == w.Talent && Has(person.Talents, tag) ? (ReasonKind.Talent, $"is goed in {tag}; daar draait dit aanbod om") :
                    weight == w.Wish && Has(person.Wishes, tag) ? (ReasonKind.Wish, $"wil graag {tag}; dat kan hier") :
                    weight == w.Interest && Has(person.Interests, tag) ? (ReasonKind.Interest, $"houdt van {tag}; daar draait dit aanbod om") :
                    (ReasonKind.Giving, $"wil iets geven met {tag}; dat kan hier");
                reasons.Add(new Reason(kind, text, weight));
            }
        }

        if (offer.Occupation is { } needed)
        {
            var code = ix.Isco[j];
            var exact = person.FormerOccupations.FirstOrDefault(o => MatchingIndex.ParseIsco(o.IscoCode) == code && code > 0);
            var related = person.FormerOccupations.FirstOrDefault(o => MatchingIndex.ParseIsco(o.IscoCode) is var c && c > 0 && c / 100 == ix.IscoGroup[j]);
            if (exact is not null)
            {
                reasons.Add(new Reason(ReasonKind.Occupation, $"was {exact.Label}; dit aanbod vraagt {needed.Label}", w.Occupation));
            }
            else if (related is not null)
            {
                reasons.Add(new Reason(ReasonKind.Occupation, $"was {related.Label}; verwant aan {needed.Label}", w.Occupation * 0.5f));
            }
        }

        var shared = offer.Languages.FirstOrDefault(l => ix.LanguageIndex.TryGetValue(l, out var bit) && (p.LanguageAtLevel[(int)CefrLevel.A1] & (1UL << bit)) != 0);
        if (shared is not null)
        {
            var text = offer.Kind == OfferKind.Volunteer
                ? $"spreekt {shared}, net als de {offer.RoleName ?? "vrijwilliger"}"
                : $"spreekt {shared}; dat wordt hier ook gesproken";
            reasons.Add(new Reason(ReasonKind.Language, text, w.SharedLanguage));
        }

        if (ix.Located[j] * p.Located > 0f)
        {
            var dx = ix.X[j] - p.X;
            var dy = ix.Y[j] - p.Y;
            var km = MathF.Sqrt(MathF.FusedMultiplyAdd(dx, dx, dy * dy));
            var distance = MathF.Max(w.Distance - (km * ix.DistancePerKm), -w.Distance);
            var minutes = Math.Max(1, (int)MathF.Round(km * 60f / w.BikeKilometresPerHour));
            var far = distance < 0 ? ": ver weg" : "";
            AddIfNotZero(ReasonKind.Distance, string.Create(Dutch, $"{minutes} minuten fietsen{far}"), distance);
        }

        if (offer.JobLevel is { } jobLevel)
        {
            var gap = p.Education - (int)jobLevel;
            reasons.Add(
                gap > 1 ? new Reason(ReasonKind.EducationLevel, string.Create(Dutch, $"onderbenutting: opleiding ligt {gap} niveaus hoger dan dit werk vraagt"), -w.LevelFit * (gap - 1f)) :
                gap < -1 ? new Reason(ReasonKind.EducationLevel, "dit werk vraagt een hoger opleidingsniveau", -w.LevelFit) :
                new Reason(ReasonKind.EducationLevel, "niveau past: geen onderbenutting", w.LevelFit));
        }

        var dutch = p.Dutch - (int)offer.DutchNeeded <= 1 ? w.DutchFit : w.DutchFit * 0.5f;
        AddIfNotZero(ReasonKind.Dutch, offer.DutchNeeded == CefrLevel.None ? "geen Nederlands nodig" : $"{offer.DutchNeeded} Nederlands is genoeg", dutch);

        var n = Array.BinarySearch(p.NetworkOffers, j);
        if (n >= 0)
        {
            var count = p.NetworkCounts[n];
            var text = count == 1 ? "kent hier één persoon" : $"kent hier {(count < Numbers.Length ? Numbers[count] : count.ToString(Dutch))} mensen";
            reasons.Add(new Reason(ReasonKind.Network, text, Scorer.NetworkBonus(ix, count)));
        }

        var (lowThreshold, cost, childcare) = MatchingIndex.OfferConstants(offer, w);
        AddIfNotZero(ReasonKind.LowThreshold, "laagdrempelig en leuk om mee te beginnen", lowThreshold);
        AddIfNotZero(ReasonKind.Cost, string.Create(Dutch, $"kost € {offer.MonthlyCost:0.##} per maand"), cost);
        if (p.NeedsChildcare)
        {
            AddIfNotZero(ReasonKind.Childcare, offer.Childcare ? "kinderopvang geregeld" : "geen kinderopvang, terwijl dat nodig is", childcare);
        }

        return [.. reasons.OrderByDescending(r => r.Contribution)];

        void AddIfNotZero(ReasonKind kind, string text, float contribution)
        {
            if (contribution != 0f)
            {
                reasons.Add(new Reason(kind, text, contribution));
            }
        }
    }

    private static bool Has(IReadOnlyList<string> tags, string tag) => tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
