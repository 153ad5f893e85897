namespace Thuis.Web.Features.Plans;

/// <summary>
/// Work below someone's level that their plan chooses as a stepping stone (opstap), with the reason: the teacher who
/// wants to earn now and practise Dutch as an order picker. Matching suggests such work only when the plan chose it.
/// </summary>
public sealed class SteppingStone
{
    public const int ReasonLength = 500;

    private SteppingStone()
    {
        EscoUri = "";
        Reason = "";
    }

    public SteppingStone(string escoUri, string reason, DateOnly chosenOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(escoUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EscoUri = escoUri.Trim();
        Reason = reason.Trim();
        ChosenOn = chosenOn;
    }

    /// <summary>The work, as an ESCO occupation (its URI).</summary>
    public string EscoUri { get; private set; }

    /// <summary>Why the plan chooses work below the person's level, in the words agreed with them.</summary>
    public string Reason { get; private set; }

    public DateOnly ChosenOn { get; private set; }

    internal SteppingStone Copy() => new(EscoUri, Reason, ChosenOn);
}
