using Thuis.Web.Features.Intake;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// The tags an offer can carry: the intake's interests and what people can give, as one list, so
/// matching can compare a person's tags with an offer's without translating between two lists.
/// </summary>
public static class OfferTags
{
    public static IReadOnlyList<string> All { get; } = [.. InterestTags.All.Concat(GivingTags.All).Distinct(StringComparer.Ordinal)];

    public static string? Find(string text) => All.FirstOrDefault(t => string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
