using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class OwnAnswerForm
{
    /// <summary>Ja, nee or niet nu: none until the person chooses.</summary>
    public NewcomerAnswer Answer { get; set; }

    /// <summary>With "niet nu": until when the person does not want it.</summary>
    public DateOnly? NotNowUntil { get; set; }

    /// <summary>With a yes to something with an organisation: the person gives their consent themselves.</summary>
    public bool Consent { get; set; }

    public bool SharePhone { get; set; }

    public bool ShareEmail { get; set; }

    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// What the organisation would receive after a yes: the person's first name, language and need of an interpreter,
/// and their phone number and e-mail address only if they choose to share them (and the dossier holds them).
/// </summary>
public sealed record OwnSharing(string Organisation, string FirstName, string? Language, bool InterpreterNeeded, string? Phone, string? Email);

/// <summary>
/// One proposal of the person's own with what a yes would mean: with whom what is shared, and until when. The form
/// starts empty: nothing is chosen for the person.
/// </summary>
public sealed record OwnProposalToAnswer(OwnProposal Proposal, OwnSharing? Sharing, DateOnly ConsentUntil, OwnAnswerForm Form);

/// <summary>
/// The person answers a proposal themselves: ja, nee or niet nu (until a day they choose). The answer is the same one a
/// case manager records for them (<see cref="Proposal.RecordAnswer(NewcomerAnswer, DateOnly, string?, DateOnly?, string?, ByWhom?)"/>),
/// kept as the person's own with the moment they gave it. A yes to something with an organisation comes with the
/// person's own consent, for the usual period, and with their choice about their phone number and e-mail address.
/// </summary>
public sealed class AnswerOwnProposal(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    public const int MaxNoteLength = 1000;

    /// <summary>One of the person's own proposals; null for any other, whoever's it is.</summary>
    public async Task<OwnProposalToAnswer?> LoadAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId && p.NewcomerId == newcomerId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }
        var organisation = await OrganisationAsync(proposal, cancellationToken);
        var person = await db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId)
            .Select(n => new { n.GivenNames, n.PreferredLanguage, n.InterpreterNeeded, n.Phone, n.Email }).SingleAsync(cancellationToken);
        var sharing = organisation is null
            ? null
            : new OwnSharing(organisation, ViewReferral.FirstName(person.GivenNames), person.PreferredLanguage, person.InterpreterNeeded,
                string.IsNullOrWhiteSpace(person.Phone) ? null : person.Phone, string.IsNullOrWhiteSpace(person.Email) ? null : person.Email);
        var view = new OwnProposal(proposal.Id, proposal.What, proposal.Reasons, organisation, proposal.ProposedAt, proposal.Answer,
            proposal.AnsweredOn, proposal.AnsweredThemselves, proposal.NotNowUntil);
        return new OwnProposalToAnswer(view, sharing, ConsentUntil(), new OwnAnswerForm { Version = proposal.Version });
    }

    public async Task<Outcome> HandleAsync(Guid proposalId, OwnAnswerForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return Outcome.NotFound();
        }
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.NewcomerId == newcomerId, cancellationToken);
        if (proposal is null)
        {
            return Outcome.NotFound();
        }
        if (!proposal.IsWaiting)
        {
            return Outcome.Refused(texts["AlreadyAnswered"]);
        }
        var today = clock.InTheNetherlands();
        var organisation = await OrganisationAsync(proposal, cancellationToken);
        var errors = new Dictionary<string, string>();
        if (form.Answer is not (NewcomerAnswer.Yes or NewcomerAnswer.No or NewcomerAnswer.NotNow))
        {
            errors[nameof(OwnAnswerForm.Answer)] = texts["AnswerMissing"];
        }
        if (form.Answer == NewcomerAnswer.NotNow)
        {
            if (form.NotNowUntil is not { } until)
            {
                errors[nameof(OwnAnswerForm.NotNowUntil)] = texts["NotNowUntilMissing"];
            }
            else if (until <= today)
            {
                errors[nameof(OwnAnswerForm.NotNowUntil)] = texts["NotNowUntilFuture"];
            }
        }
        if (form.Answer == NewcomerAnswer.Yes && organisation is not null && !form.Consent)
        {
            errors[nameof(OwnAnswerForm.Consent)] = texts["ConsentMissing", organisation];
        }
        if (form.Note is { Length: > MaxNoteLength })
        {
            errors[nameof(OwnAnswerForm.Note)] = texts["NoteTooLong", MaxNoteLength];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var person = await db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId)
            .Select(n => new { n.GivenNames, n.Phone, n.Email }).SingleAsync(cancellationToken);
        var by = ByWhom.Person(ViewReferral.FirstName(person.GivenNames), clock.GetUtcNow());
        var application = await RecordNewcomerAnswer.IsApplicationAsync(db, proposal, cancellationToken);
        var notNowUntil = form.Answer == NewcomerAnswer.NotNow ? form.NotNowUntil : null;
        return await SaveVersionedChange.HandleAsync(db, proposal, form.Version, p => p.IsWaiting ? null : texts["AlreadyAnswered"].Value, p =>
        {
            p.RecordAnswer(form.Answer, today, form.Note, notNowUntil, null, by);
            if (form.Answer == NewcomerAnswer.Yes && organisation is not null)
            {
                db.Consents.Add(new Consent(p, RecordNewcomerAnswer.DefaultPurpose(p.What, organisation, application), today, ConsentUntil(), by,
                    sharesPhone: form.SharePhone && !string.IsNullOrWhiteSpace(person.Phone),
                    sharesEmail: form.ShareEmail && !string.IsNullOrWhiteSpace(person.Email)));
            }
        }, texts["ProposalChangedMeanwhile"], cancellationToken);
    }

    /// <summary>A consent given today holds for the usual period, as when a case manager records it.</summary>
    private DateOnly ConsentUntil() => clock.InTheNetherlands().AddMonths(RecordNewcomerAnswer.DefaultConsentMonths);

    private async Task<string?> OrganisationAsync(Proposal proposal, CancellationToken cancellationToken) =>
        proposal.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
}
