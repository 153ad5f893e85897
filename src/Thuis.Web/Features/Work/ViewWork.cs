using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Work;

/// <summary>A vacancy the person said yes to, with consent to share with the employer, and no application yet.</summary>
public sealed record ReadyToApply(Guid ProposalId, string What, DateOnly? AnsweredOn, string Consent);

/// <summary>The person's road to work on one page: their job coach, applications, and vacancies ready to apply for.</summary>
public sealed record WorkView(Newcomer Newcomer, JobCoach? JobCoach, IReadOnlyList<JobApplication> Applications, IReadOnlyList<ReadyToApply> Ready);

/// <summary>Reads a person's job coach and applications for the work page; audited like every look at a dossier.</summary>
public sealed class ViewWork(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Weg naar werk: jobcoach en sollicitaties";

    public async Task<WorkView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(JobApplication), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var coach = await db.JobCoaches.AsNoTracking().SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken);
        var applications = await db.JobApplications.AsNoTracking().Where(a => a.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        var today = clock.InTheNetherlands();
        var yes = await db.Proposals.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && p.Answer == NewcomerAnswer.Yes && p.Kind == TargetKind.Offer)
            .Where(p => db.Offers.Any(o => o.Id == p.TargetId && (o.Kind == OfferKind.Job || o.Kind == OfferKind.Internship)))
            .Where(p => !db.JobApplications.Any(a => a.ProposalId == p.Id))
            .Join(db.Consents, p => p.Id, c => c.ProposalId, (p, c) => new { Proposal = p, Consent = c })
            .ToListAsync(cancellationToken);
        var ready = yes.Where(x => x.Consent.IsValidOn(today))
            .Select(x => new ReadyToApply(x.Proposal.Id, x.Proposal.What, x.Proposal.AnsweredOn, x.Consent.Purpose))
            .ToList();
        return new WorkView(newcomer, coach, [.. applications.OrderByDescending(a => a.AppliedOn).ThenBy(a => a.What, StringComparer.CurrentCulture)], ready);
    }

    /// <summary>One application with the person's name, for its own page; null when the user cannot see it.</summary>
    public async Task<(Newcomer Newcomer, JobApplication Application)?> ApplicationAsync(Guid newcomerId, Guid applicationId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(JobApplication), Purpose, cancellationToken);
        var application = newcomer is null ? null
            : await db.JobApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.NewcomerId == newcomerId, cancellationToken);
        return application is null ? null : (newcomer!, application);
    }
}
