using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Own;

/// <summary>
/// "Klopt er iets niet?": the person says in their own words what Thuis holds wrongly about them (AVG art. 16). The
/// municipality answers within a month (AVG art. 12(3)): the case manager gets a signal with that day, corrects the data
/// on the usual pages and resolves the signal with what was done, which the person reads in their own Thuis. Never
/// changed after it was asked; its answer is the signal's.
/// </summary>
public sealed class CorrectionRequest : IMunicipalityOwned, IPersonData
{
    public const int MaxWordsLength = 1000;

    /// <summary>AVG art. 12(3): an answer to a request within one month of receiving it.</summary>
    public const int AnswerWithinMonths = 1;

    private CorrectionRequest() => Words = "";

    public CorrectionRequest(Newcomer newcomer, string words, DateOnly today, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(words);
        var cleaned = words.Trim();
        if (cleaned.Length > MaxWordsLength)
        {
            throw new ArgumentException($"Hoogstens {MaxWordsLength} tekens.", nameof(words));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        Words = cleaned;
        AskedOn = today;
        AskedAt = at;
        AnswerDue = today.AddMonths(AnswerWithinMonths);
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }

    /// <summary>What is wrong, in the person's own words, as they wrote it.</summary>
    public string Words { get; private set; }

    public DateOnly AskedOn { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The last day of the month the municipality has to answer (31 January gives 28 February).</summary>
    public DateOnly AnswerDue { get; private set; }
}

internal sealed class CorrectionRequestMapping : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Words).HasMaxLength(CorrectionRequest.MaxWordsLength);
        builder.HasIndex(r => new { r.MunicipalityId, r.NewcomerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(r => r.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
