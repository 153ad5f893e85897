using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Signals;

/// <summary>Too many unexcused absences among the most recent sessions someone was expected at.</summary>
public sealed class AttendanceRule : ISignalRule
{
    /// <summary>Only recent lessons count; someone without lessons in this period has nothing to miss.</summary>
    public const int LookBackDays = 90;

    public SignalKind Kind => SignalKind.Attendance;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var since = scope.Today.AddDays(-LookBackDays);
        var rows = await (from a in db.AttendanceRecords
                          join s in db.Sessions on a.SessionId equals s.Id
                          join n in scope.Active on a.NewcomerId equals n.Id
                          where s.Date <= scope.Today && s.Date > since
                          select new { n.Id, n.GivenNames, s.Date, s.StartTime, a.Value }).ToListAsync(cancellationToken);
        var (absences, window) = (scope.Settings.AttendanceAbsences, scope.Settings.AttendanceWindow);
        return [.. rows.GroupBy(r => (r.Id, r.GivenNames))
            .Select(g => (g.Key, Missed: g.OrderByDescending(r => r.Date).ThenByDescending(r => r.StartTime).Take(window)
                .Where(r => r.Value == Attendance.UnexcusedAbsence).Select(r => r.Date).ToList(), Counted: Math.Min(window, g.Count())))
            .Where(p => p.Missed.Count >= absences)
            .Select(p => new SignalFinding(p.Key.Id, null, 2,
                p.Missed.Count == p.Counted
                    ? $"Heeft de laatste {p.Counted} lessen gemist zonder bericht"
                    : $"Heeft {p.Missed.Count} van de laatste {p.Counted} lessen gemist zonder bericht",
                $"Bel {p.Key.GivenNames} en vraag hoe het gaat",
                p.Missed.Min()))];
    }
}

/// <summary>The newcomer said in their own Thuis that an open step of the plan in force is not going well.</summary>
public sealed class StepConcernRule : ISignalRule
{
    public SignalKind Kind => SignalKind.StepConcern;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var concerns = await (from p in db.IntegrationPlans
                              join n in scope.Active on p.NewcomerId equals n.Id
                              from s in p.Steps
                              where p.State == PlanState.Fixed && s.ConcernSince != null
                                  && (s.Status == StepStatus.Planned || s.Status == StepStatus.Doing)
                              select new { n.Id, n.GivenNames, Step = s.Id, s.What, s.Concern, Since = s.ConcernSince!.Value })
            .ToListAsync(cancellationToken);
        return [.. concerns.Select(c => new SignalFinding(c.Id, c.Step, 2,
            c.Concern is null
                ? $"{c.GivenNames} zegt dat de stap ‘{c.What}’ niet goed gaat"
                : $"{c.GivenNames} zegt dat de stap ‘{c.What}’ niet goed gaat: ‘{c.Concern}’",
            $"Vraag {c.GivenNames} wat er niet goed gaat en pas zo nodig de stap aan",
            c.Since))];
    }
}

/// <summary>
/// The newcomer withdrew a consent in their own Thuis: the organisation no longer sees them, and the case manager hears
/// it from Thuis rather than from the partner. The same for the consent to be a role model at draagvlak activities. The withdrawal is news for as many days as a resolved signal stays quiet,
/// so a signal the case manager resolved does not come back for the same withdrawal.
/// </summary>
public sealed class ConsentWithdrawnRule : ISignalRule
{
    public SignalKind Kind => SignalKind.ConsentWithdrawn;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var since = scope.Today.AddDays(-Math.Max(1, scope.Settings.QuietDaysAfterResolve));
        var withdrawn = await (from c in db.Consents
                               join n in scope.Active on c.NewcomerId equals n.Id
                               join p in db.Proposals on c.ProposalId equals p.Id
                               join o in db.Organisations on p.OrganisationId equals o.Id into organisations
                               from o in organisations.DefaultIfEmpty()
                               where c.WithdrawnThemselves && c.WithdrawnOn != null && c.WithdrawnOn > since
                               select new { n.Id, n.GivenNames, Consent = c.Id, p.What, Organisation = o == null ? null : o.Name, On = c.WithdrawnOn!.Value })
            .ToListAsync(cancellationToken);
        // The consent to be a role model at draagvlak activities, withdrawn in the person's own Thuis.
        var roleModels = await (from c in db.RoleModelConsents
                                join n in scope.Active on c.NewcomerId equals n.Id
                                where c.WithdrawnThemselves && c.WithdrawnOn != null && c.WithdrawnOn > since
                                select new { n.Id, n.GivenNames, Consent = c.Id, On = c.WithdrawnOn!.Value })
            .ToListAsync(cancellationToken);
        return [.. withdrawn.Select(w => new SignalFinding(w.Id, w.Consent, 2,
            w.Organisation is null
                ? $"{w.GivenNames} heeft de toestemming voor ‘{w.What}’ zelf ingetrokken op {SignalScope.Date(w.On)}"
                : $"{w.GivenNames} heeft de toestemming voor ‘{w.What}’ zelf ingetrokken op {SignalScope.Date(w.On)}; {w.Organisation} ziet de gegevens niet meer",
            w.Organisation is null
                ? $"Vraag {w.GivenNames} waarom, en zoek samen iets wat wel past"
                : $"Vraag {w.GivenNames} waarom, laat {w.Organisation} weten dat het stopt, en zoek samen iets wat wel past",
            w.On)),
            .. roleModels.Select(w => new SignalFinding(w.Id, w.Consent, 2,
                $"{w.GivenNames} wil niet meer als rolmodel meedoen: zelf ingetrokken op {SignalScope.Date(w.On)}; Thuis haalde {w.GivenNames} van de activiteiten die nog komen",
                $"Vraag {w.GivenNames} hoe het ging, en laat de organisatie van die activiteiten weten dat {w.GivenNames} niet komt",
                w.On))];
    }
}

/// <summary>
/// The newcomer answered "Hoe gaat het?" about an activity with one of the two lowest faces, or said they do not want
/// to go on. It asks for attention until the case manager resolved it, or a later answer about the same activity is
/// happy again; a new unhappy answer at the next moment is a new signal.
/// </summary>
public sealed class ActivityFeedbackRule : ISignalRule
{
    // Reason and next action are kept to 500 characters: a long activity name or long words are cut short here, never in the answer itself.
    private const int WhatShown = 100;
    private const int WordsShown = 200;

    public SignalKind Kind => SignalKind.ActivityNotGoingWell;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var answers = await (from f in db.ActivityFeedbacks
                             join n in scope.Active on f.NewcomerId equals n.Id
                             select new
                             {
                                 f.Id,
                                 NewcomerId = n.Id,
                                 n.GivenNames,
                                 f.ActivityId,
                                 f.What,
                                 f.Moment,
                                 f.Face,
                                 f.Words,
                                 f.WantsToContinue,
                                 f.AnsweredOn,
                                 Resolved = db.Signals.Any(s => s.Kind == SignalKind.ActivityNotGoingWell && s.SubjectId == f.Id && s.State == SignalState.Resolved),
                             }).ToListAsync(cancellationToken);
        return [.. answers.GroupBy(a => (a.NewcomerId, a.ActivityId))
            .Select(g => g.MaxBy(a => a.Moment)!)
            .Where(a => ActivityFeedback.IsUnhappyAnswer(a.Face, a.WantsToContinue) && !a.Resolved)
            .Select(a => new SignalFinding(a.NewcomerId, a.Id, 2,
                $"{a.GivenNames} zegt {(a.Moment == FeedbackMoment.TwoWeeks ? "na twee weken" : "na drie maanden")} over ‘{Cut(a.What, WhatShown)}’: "
                    + $"{FeedbackWords.Face(a.Face)}, doorgaan: {FeedbackWords.Continue(a.WantsToContinue)}"
                    + (a.Words is { } words ? $": ‘{Cut(words, WordsShown)}’" : ""),
                $"Vraag {a.GivenNames} wat er niet goed gaat bij ‘{Cut(a.What, WhatShown)}’ en zoek samen wat beter past",
                a.AnsweredOn))];
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

/// <summary>A fixed plan with open steps, but no step started or done for N weeks.</summary>
public sealed class StagnationRule : ISignalRule
{
    public SignalKind Kind => SignalKind.Stagnation;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var plans = await (from p in db.IntegrationPlans
                           join n in scope.Active on p.NewcomerId equals n.Id
                           where p.State == PlanState.Fixed && p.DecisionDate != null
                           select new
                           {
                               n.Id,
                               n.GivenNames,
                               Fixed = p.DecisionDate!.Value,
                               HasOpenSteps = p.Steps.Any(s => s.Status == StepStatus.Planned || s.Status == StepStatus.Doing),
                               LastMove = p.Steps.Where(s => s.Status == StepStatus.Doing || s.Status == StepStatus.Done)
                                   .Max(s => (DateOnly?)s.StatusSince),
                           }).ToListAsync(cancellationToken);
        var weeks = scope.Settings.StagnationWeeks;
        return [.. plans.Where(p => p.HasOpenSteps)
            .Select(p => (p.Id, p.GivenNames, LastMove: p.LastMove is { } moved && moved > p.Fixed ? moved : p.Fixed))
            .Where(p => scope.Today.DayNumber - p.LastMove.DayNumber >= weeks * 7)
            .Select(p => new SignalFinding(p.Id, null, 3,
                $"Geen stap van het plan gestart of afgerond sinds {SignalScope.Date(p.LastMove)}",
                $"Bespreek met {p.GivenNames} wat helpt om weer een stap te zetten",
                p.LastMove.AddDays(weeks * 7)))];
    }
}

/// <summary>Housed for N weeks and nothing going on in "ontmoeten": no open step, no referral to a meeting offer.</summary>
public sealed class IsolationRule : ISignalRule
{
    public SignalKind Kind => SignalKind.Isolation;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var housedBefore = scope.Today.AddDays(-7 * scope.Settings.IsolationWeeks);
        var people = await scope.Active
            .Where(n => n.HousingDate != null && n.HousingDate <= housedBefore)
            .Where(n => !db.IntegrationPlans.Any(p => p.NewcomerId == n.Id && p.State == PlanState.Fixed
                && p.Steps.Any(s => s.Domain == ParticipationDomain.Meeting && (s.Status == StepStatus.Planned || s.Status == StepStatus.Doing))))
            .Select(n => new { n.Id, n.GivenNames, Housed = n.HousingDate!.Value }).ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }
        // Offers keep their domains as a list; there are few per municipality, so they are sorted here rather than in SQL.
        var offers = await db.Offers.Select(o => new { o.Id, o.Domains }).ToListAsync(cancellationToken);
        var meetingOffers = offers.Where(o => o.Domains.Contains(ParticipationDomain.Meeting)).Select(o => o.Id).ToHashSet();
        var ids = people.Select(p => p.Id).ToList();
        var going = await (from r in db.Referrals
                           join p in db.Proposals on r.ProposalId equals p.Id
                           where ids.Contains(r.NewcomerId) && p.Kind == TargetKind.Offer && p.TargetId != null
                               && (r.State == ReferralState.Sent || r.State == ReferralState.Accepted || r.State == ReferralState.Started)
                           select new { r.NewcomerId, OfferId = p.TargetId!.Value }).ToListAsync(cancellationToken);
        var meeting = going.Where(g => meetingOffers.Contains(g.OfferId)).Select(g => g.NewcomerId).ToHashSet();
        return [.. people.Where(p => !meeting.Contains(p.Id))
            .Select(p => new SignalFinding(p.Id, null, 2,
                $"Woont hier {scope.Settings.IsolationWeeks} weken of langer en doet nog niets om mensen te ontmoeten",
                $"Stel {p.GivenNames} een laagdrempelige activiteit voor om mensen te ontmoeten",
                p.Housed.AddDays(7 * scope.Settings.IsolationWeeks)))];
    }
}

/// <summary>More steps under way, course groups and activities at once than the municipality thinks anyone can carry.</summary>
public sealed class OverAskedRule : ISignalRule
{
    public SignalKind Kind => SignalKind.OverAsked;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                Steps = db.PlanSteps.Count(s => s.Status == StepStatus.Doing
                    && db.IntegrationPlans.Any(p => p.Id == s.PlanId && p.NewcomerId == n.Id && p.State == PlanState.Fixed)),
                Groups = db.Enrolments.Count(e => e.NewcomerId == n.Id),
                Activities = db.Referrals.Count(r => r.NewcomerId == n.Id && r.State == ReferralState.Started),
                // The latest start among what runs now: from then on it was this much at once.
                LastStep = db.PlanSteps.Where(s => s.Status == StepStatus.Doing
                    && db.IntegrationPlans.Any(p => p.Id == s.PlanId && p.NewcomerId == n.Id && p.State == PlanState.Fixed)).Max(s => (DateOnly?)s.StatusSince),
                LastGroup = db.Enrolments.Where(e => e.NewcomerId == n.Id).Max(e => (DateOnly?)e.Since),
                LastActivity = db.Referrals.Where(r => r.NewcomerId == n.Id && r.State == ReferralState.Started).Max(r => r.StartedOn),
            }).ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Id, p.GivenNames, Count: p.Steps + p.Groups + p.Activities,
                Since: new[] { p.LastStep, p.LastGroup, p.LastActivity }.Max() ?? scope.Today))
            .Where(p => p.Count > scope.Settings.OverAskedActivities)
            .Select(p => new SignalFinding(p.Id, null, 3,
                $"Doet {p.Count} dingen tegelijk: stappen, lessen en activiteiten",
                $"Vraag {p.GivenNames} of het niet te veel wordt en schuif samen iets op",
                p.Since))];
    }
}

/// <summary>A referral sent to a partner that has not answered within N days.</summary>
public sealed class ReferralUnansweredRule : ISignalRule
{
    public SignalKind Kind => SignalKind.ReferralUnanswered;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var sentBefore = scope.Today.AddDays(-scope.Settings.ReferralAnswerDays);
        var referrals = await (from r in db.Referrals
                               join n in scope.Active on r.NewcomerId equals n.Id
                               join o in db.Organisations on r.OrganisationId equals o.Id
                               where r.State == ReferralState.Sent && r.SentOn != null && r.SentOn <= sentBefore
                               select new { n.Id, n.GivenNames, ReferralId = r.Id, Sent = r.SentOn!.Value, Partner = o.Name })
            .ToListAsync(cancellationToken);
        return [.. referrals.Select(r => new SignalFinding(r.Id, r.ReferralId, 2,
            $"De verwijzing naar {r.Partner} wacht sinds {SignalScope.Date(r.Sent)} op antwoord",
            $"Bel {r.Partner} en vraag of ze {r.GivenNames} kunnen ontvangen",
            r.Sent.AddDays(scope.Settings.ReferralAnswerDays)))];
    }
}

/// <summary>
/// Debts and no debt help arranged: recorded so at the intake, or open debts in the person's register of debts with no
/// referral to an organisation for debt help and none of them with debt help yet.
/// </summary>
public sealed class DebtsWithoutHelpRule : ISignalRule
{
    public SignalKind Kind => SignalKind.DebtsWithoutHelp;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var people = await (from f in scope.Db.Set<FinancesSection>()
                            join n in scope.Active on f.NewcomerId equals n.Id
                            where f.HasDebts == true && (f.DebtHelp == DebtHelp.Needed || f.DebtHelp == DebtHelp.NotNeeded)
                            select new { n.Id, n.GivenNames, f.RecordedAt }).ToListAsync(cancellationToken);
        var findings = people.Select(p => new SignalFinding(p.Id, null, 2,
            "Heeft schulden en nog geen schuldhulp",
            $"Stel {p.GivenNames} schuldhulp voor en vraag toestemming om door te verwijzen",
            Today.DayInTheNetherlands(p.RecordedAt))).ToList();
        var fromIntake = findings.Select(f => f.NewcomerId).ToHashSet();
        foreach (var (id, givenNames, since) in await Debts.DebtRegister.WithoutHelpAsync(scope.Db, scope.Active, cancellationToken))
        {
            if (!fromIntake.Contains(id))
            {
                findings.Add(new SignalFinding(id, null, 2,
                    "Heeft open schulden en nog geen schuldhulp",
                    $"Stel {givenNames} schuldhulp voor en vraag toestemming om door te verwijzen",
                    since));
            }
        }
        return findings;
    }
}

/// <summary>The "niet nu" period has ended but the dossier is still paused.</summary>
public sealed class NotNowEndedRule : ISignalRule
{
    public SignalKind Kind => SignalKind.NotNowEnded;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var people = await scope.Everyone
            .Where(n => n.Status == DossierStatus.Paused && n.PausedUntil != null && n.PausedUntil < scope.Today)
            .Select(n => new { n.Id, n.GivenNames, Until = n.PausedUntil!.Value }).ToListAsync(cancellationToken);
        return [.. people.Select(p => new SignalFinding(p.Id, null, 2,
            $"De periode 'niet nu' liep tot en met {SignalScope.Date(p.Until)}",
            $"Neem contact op met {p.GivenNames} en vraag of het nu wel past",
            p.Until.AddDays(1)))];
    }
}

/// <summary>
/// The newcomer asked in their own Thuis to correct their data (AVG art. 16). It asks for attention until the case
/// manager resolved it with what was done, also while the person is in "niet nu" or has moved: the answer is due within a
/// month (AVG art. 12(3)) whatever the dossier's status. It grows more urgent as that day comes nearer.
/// </summary>
public sealed class CorrectionAskedRule : ISignalRule
{
    private const int WordsShown = 250;

    public SignalKind Kind => SignalKind.CorrectionAsked;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var requests = await (from r in db.CorrectionRequests
                              join n in scope.Everyone on r.NewcomerId equals n.Id
                              where !db.Signals.Any(s => s.Kind == SignalKind.CorrectionAsked && s.SubjectId == r.Id && s.State == SignalState.Resolved)
                              select new { NewcomerId = n.Id, n.GivenNames, r.Id, r.Words, r.AskedOn, r.AnswerDue })
            .ToListAsync(cancellationToken);
        return [.. requests.Select(r => new SignalFinding(r.NewcomerId, r.Id, Math.Min(2, scope.UrgencyFor(r.AnswerDue)),
            $"{r.GivenNames} vraagt de gegevens te corrigeren: ‘{Cut(r.Words)}’. Antwoord uiterlijk {SignalScope.Date(r.AnswerDue)} (AVG art. 12 lid 3)",
            $"Corrigeer de gegevens in het dossier en schrijf bij afhandelen wat er is aangepast; {r.GivenNames} leest dat in de eigen Thuis",
            r.AskedOn))];
    }

    private static string Cut(string text) => text.Length <= WordsShown ? text : string.Concat(text.AsSpan(0, WordsShown - 1), "…");
}
