using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using SkillLevel = Thuis.Matching.SkillLevel;
using WorkLevels = Thuis.Matching.WorkLevels;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// Counts the coordinator's report for the current municipality (the query filters scope every table) and one cohort.
/// Each table is read with one query over the cohort, never per person; what is summed per person (dates, medians,
/// the PVT requirement) is summed here over small projected lists, so SQLite and PostgreSQL give the same figures.
///
/// The definitions, also shown on the page under "Hoe tellen we?":
/// <list type="number">
/// <item>Gehuisvest: the cohort, newcomers with a housing date in the chosen month or quarter (or any), up to today;
/// someone to be housed later is in no cohort yet.</item>
/// <item>Intake afgerond: every part of the broad intake recorded except the restricted one (personal circumstances,
/// recorded only when relevant); on the day the last of them was recorded.</item>
/// <item>Plan vastgesteld: a plan version with a decision date; on the earliest decision date.</item>
/// <item>PVT gestart: present at a session of a PVT group they are enrolled in; on the first such session.</item>
/// <item>PVT afgerond: the PVT requirement met (the law's 12 hours with the signing, and the municipality's own lessons and themes); on the
/// session that completed it.</item>
/// <item>Actief in een domein: a step in a current plan (not a superseded version) that is being done or done, or a
/// started referral to an offer in that domain; from the earliest such day.</item>
/// <item>Vrijwilligerswerk, opleiding of betaald werk: a started referral to an offer that is a volunteer role (volunteer
/// work), a course or internship (education) or a job (paid work); on the day it started.</item>
/// </list>
/// The section on paid work (hired, at one's own level, lasting) counts applications for jobs: see <c>WorkAsync</c>.
/// </summary>
public sealed class BuildReport(AppDbContext db, CurrentUser currentUser, ReportCache cache, TimeProvider clock)
{
    public const string Purpose = "Rapportage voor verantwoording en sturing";

    public static IReadOnlyList<int> OutcomeMonths { get; } = [6, 12, 18];

    private sealed record Housed(Guid Id, DateOnly HousingDate);

    private sealed record PvtAttendance(Guid NewcomerId, Guid GroupId, DateOnly Date, TimeOnly Start, TimeOnly End, SessionKind Kind, WorkshopTheme? Theme);

    private sealed record JobApplied(Guid NewcomerId, Guid OrganisationId, ApplicationState State, DateOnly AppliedOn, DateOnly? HiredOn, DateOnly? EndedOn,
        BenefitAfterHire? Benefit, SkillLevel PersonLevel, SkillLevel WorkLevel)
    {
        public bool IsHired => HiredOn is not null;

        /// <summary>Hired on or before the day and not gone before it: the day the job ends still counts, as in <see cref="JobApplication.StillWorkingAfter"/>.</summary>
        public bool WorksOn(DateOnly day) => HiredOn is { } hired && hired <= day && (EndedOn is not { } ended || ended >= day);

        public bool IsBelowLevel => IsHired && WorkLevels.IsBelow(PersonLevel, WorkLevel);

        public bool IsLevelKnown => PersonLevel != SkillLevel.Unknown && WorkLevel != SkillLevel.Unknown;

        public bool IsAtLevel => IsHired && IsLevelKnown && !IsBelowLevel;
    }

    private sealed record StartedReferral(Guid NewcomerId, DateOnly StartedOn, TargetKind Kind, Guid? TargetId);

    /// <summary>The first housing date in the municipality, for the cohort choices.</summary>
    public Task<DateOnly?> FirstHousingDateAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        return db.Newcomers.Where(n => n.HousingDate != null && n.HousingDate <= today).MinAsync(n => n.HousingDate, cancellationToken);
    }

    /// <summary>
    /// The report of the municipality for a cohort, counted at most every few minutes (see <see cref="ReportCache"/>), and
    /// a record that the coordinator viewed (or exported) it, every time.
    /// </summary>
    public async Task<ReportFigures> HandleAsync(Cohort cohort, string auditPurpose, CancellationToken cancellationToken)
    {
        var figures = await FiguresAsync(cohort, cancellationToken);

        // Figures about groups of people, not one dossier: still, who looked at them is recorded, once per report.
        db.RecordAudit(AuditAction.View, "Rapportage", cohort.Key, AuditResult.Success, auditPurpose);
        await db.SaveChangesAsync(cancellationToken);
        return figures;
    }

    /// <summary>The figures kept or counted for the current municipality, without a record of a view: nobody looks at them yet.</summary>
    public Task<ReportFigures> FiguresAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        return cache.GetOrCountAsync((municipalityId, cohort.Key, today), () => CountAsync(cohort, today, cancellationToken),
            services => services.GetRequiredService<BuildReport>().CountAsync(cohort, today, CancellationToken.None), cancellationToken);
    }

    private async Task<ReportFigures> CountAsync(Cohort cohort, DateOnly today, CancellationToken cancellationToken)
    {
        var cohortPeople = InCohort(cohort, today);
        var cohortIds = cohortPeople.Select(n => n.Id);
        var housed = await cohortPeople.Select(n => new Housed(n.Id, n.HousingDate!.Value)).ToListAsync(cancellationToken);
        var housingDates = housed.ToDictionary(h => h.Id, h => h.HousingDate);

        var intake = await IntakeDoneAsync(cohortIds, cancellationToken);
        var plans = (await db.IntegrationPlans
                .Where(p => p.DecisionDate != null && cohortIds.Contains(p.NewcomerId))
                .Select(p => new { p.NewcomerId, DecisionDate = p.DecisionDate!.Value })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.NewcomerId).ToDictionary(g => g.Key, g => g.Min(p => p.DecisionDate));
        var pvt = await db.AttendanceRecords
            .Where(a => a.Value == Attendance.Present && cohortIds.Contains(a.NewcomerId))
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { a.NewcomerId, Session = s })
            .Join(db.CourseGroups, x => x.Session.GroupId, g => g.Id, (x, g) => new { x.NewcomerId, x.Session, g.Kind })
            .Where(x => x.Kind == CourseKind.Pvt && x.Session.Date <= today
                && db.Enrolments.Any(e => e.GroupId == x.Session.GroupId && e.NewcomerId == x.NewcomerId))
            .Select(x => new PvtAttendance(x.NewcomerId, x.Session.GroupId, x.Session.Date, x.Session.StartTime, x.Session.EndTime, x.Session.Kind, x.Session.Theme))
            .ToListAsync(cancellationToken);
        var pvtStarted = pvt.GroupBy(a => a.NewcomerId).ToDictionary(g => g.Key, g => g.Min(a => a.Date));
        var pvtCompleted = PvtCompleted(pvt, TrajectoryRequirements.Pvt(await TrajectoryRequirements.PracticeAsync(db, currentUser.MunicipalityId, cancellationToken)));

        var steps = await db.PlanSteps
            .Join(db.IntegrationPlans, s => s.PlanId, p => p.Id, (s, p) => new { Step = s, p.NewcomerId, p.State })
            .Where(x => x.State != PlanState.Superseded && cohortIds.Contains(x.NewcomerId)
                && (x.Step.Status == StepStatus.Doing || x.Step.Status == StepStatus.Done))
            .Select(x => new { x.NewcomerId, x.Step.Domain, x.Step.StatusSince })
            .ToListAsync(cancellationToken);
        var started = await db.Referrals
            .Where(r => r.StartedOn != null && cohortIds.Contains(r.NewcomerId))
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => new StartedReferral(r.NewcomerId, r.StartedOn!.Value, p.Kind, p.TargetId))
            .ToListAsync(cancellationToken);
        var offers = (await db.Offers.Select(o => new { o.Id, o.Kind, o.Domains }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id);

        // The earliest day each person was active in each domain.
        var activeIn = new Dictionary<(Guid, ParticipationDomain), DateOnly>();
        void Active(Guid newcomerId, ParticipationDomain domain, DateOnly on)
        {
            if (!activeIn.TryGetValue((newcomerId, domain), out var earlier) || on < earlier)
            {
                activeIn[(newcomerId, domain)] = on;
            }
        }
        foreach (var step in steps)
        {
            Active(step.NewcomerId, step.Domain, step.StatusSince);
        }
        var occupied = new Dictionary<(Guid, Occupation), DateOnly>();
        foreach (var referral in started)
        {
            if (referral.Kind != TargetKind.Offer || referral.TargetId is not { } offerId || !offers.TryGetValue(offerId, out var offer))
            {
                continue;
            }
            foreach (var domain in offer.Domains)
            {
                Active(referral.NewcomerId, domain, referral.StartedOn);
            }
            if (OccupationOf(offer.Kind) is { } occupation
                && (!occupied.TryGetValue((referral.NewcomerId, occupation), out var earlier) || referral.StartedOn < earlier))
            {
                occupied[(referral.NewcomerId, occupation)] = referral.StartedOn;
            }
        }
        var anyDomain = activeIn.GroupBy(a => a.Key.Item1).ToDictionary(g => g.Key, g => g.Min(a => a.Value));
        var anyOccupation = occupied.GroupBy(o => o.Key.Item1).ToDictionary(g => g.Key, g => g.Min(o => o.Value));

        IReadOnlyList<(string Label, IReadOnlyDictionary<Guid, DateOnly> Dates)> reached =
        [
            ("gehuisvest", housingDates),
            ("intake afgerond", intake),
            ("plan vastgesteld", plans),
            ("PVT gestart", pvtStarted),
            ("PVT afgerond", pvtCompleted),
            ("actief in een domein", anyDomain),
            ("vrijwilligerswerk, opleiding of betaald werk", anyOccupation),
        ];
        var funnel = new List<FunnelStep>();
        for (var i = 0; i < reached.Count; i++)
        {
            var (label, dates) = reached[i];
            var previous = i == 0 ? null : reached[i - 1].Dates;
            funnel.Add(new FunnelStep(label, dates.Count, Figures.Percentage(dates.Count, housed.Count),
                previous is null ? null : MedianDays(previous, dates),
                i == 0 ? null : MedianDays(housingDates, dates),
                previous is null ? 0 : Earlier(previous, dates),
                i == 0 ? 0 : Earlier(housingDates, dates)));
        }

        var domains = ParticipationDomains.All
            .Select(d => Activity(d.Dutch(), activeIn.Keys.Count(k => k.Item2 == d), housed.Count)).ToList();
        var occupations = Enum.GetValues<Occupation>()
            .Select(o => Activity(Dutch(o), occupied.Keys.Count(k => k.Item2 == o), housed.Count)).ToList();

        var work = await WorkAsync(cohortIds, housingDates, today, cancellationToken);
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        return new ReportFigures(cohort, today, clock.GetUtcNow(), housed.Count, funnel, domains, occupations,
            await AttendanceAsync(cohortIds, today, cancellationToken),
            await MatchingAsync(cohortIds, cancellationToken),
            await OutcomesAsync(cohortIds, housingDates, today, cancellationToken),
            await InterventionsAsync(cohortIds, cancellationToken),
            await OrganisationsAsync(cohortIds, cancellationToken),
            await SignalsAsync(cohortIds, cancellationToken),
            await FeedbackAsync(cohortIds, cancellationToken),
            work.Outcomes, work.Employers, work.JobCoaches,
            await Money.CountMoneyOutcomes.HandleAsync(db, municipalityId, cohortPeople, housed.Count, today, cancellationToken));
    }

    /// <summary>Those housed by today: a housing date still to come is a plan, not a move, and counts in no cohort.</summary>
    private IQueryable<Newcomer> InCohort(Cohort cohort, DateOnly today)
    {
        var people = db.Newcomers.Where(n => n.HousingDate != null && n.HousingDate <= today);
        if (cohort.From is { } from && cohort.Until is { } until)
        {
            people = people.Where(n => n.HousingDate >= from && n.HousingDate < until);
        }
        return people;
    }

    private async Task<Dictionary<Guid, DateOnly>> IntakeDoneAsync(IQueryable<Guid> ids, CancellationToken cancellationToken)
    {
        var parts = IntakePart.All.Where(p => !p.Restricted).ToList();
        var marks = new List<RecordedMark>();
        foreach (var part in parts)
        {
            marks.AddRange(await part.ReadMarksAsync(db, ids, cancellationToken));
        }
        return marks.GroupBy(m => m.NewcomerId)
            .Where(g => g.Count() == parts.Count)
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(g.Max(m => m.RecordedAt), DutchFormat.TimeZone).DateTime));
    }

    /// <summary>
    /// The day each person met the PVT requirement — the law and the municipality's practice — walking their attended
    /// sessions of a group in order.
    /// </summary>
    private static Dictionary<Guid, DateOnly> PvtCompleted(IEnumerable<PvtAttendance> attendance, TrajectoryRequirement requirement)
    {
        var completed = new Dictionary<Guid, DateOnly>();
        foreach (var group in attendance.GroupBy(a => (a.NewcomerId, a.GroupId)))
        {
            var lessons = 0;
            var hours = 0m;
            var practiceHours = 0m;
            var themes = new HashSet<WorkshopTheme>();
            foreach (var session in group.OrderBy(a => a.Date).ThenBy(a => a.Start))
            {
                lessons += session.Kind == SessionKind.LanguageLesson ? 1 : 0;
                var sessionHours = (decimal)(session.End - session.Start).TotalMinutes / 60m;
                hours += sessionHours;
                practiceHours += session.Kind == SessionKind.Practice ? sessionHours : 0;
                if (session.Kind == SessionKind.Workshop && session.Theme is { } theme)
                {
                    themes.Add(theme);
                }
                if (requirement.IsMetBy(lessons, hours, practiceHours, themes))
                {
                    if (!completed.TryGetValue(group.Key.NewcomerId, out var earlier) || session.Date < earlier)
                    {
                        completed[group.Key.NewcomerId] = session.Date;
                    }
                    break;
                }
            }
        }
        return completed;
    }

    private async Task<IReadOnlyList<AttendanceRate>> AttendanceAsync(IQueryable<Guid> cohortIds, DateOnly today, CancellationToken cancellationToken)
    {
        var counts = await db.AttendanceRecords
            .Where(a => cohortIds.Contains(a.NewcomerId))
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { a.Value, s.Date, s.GroupId })
            .Where(x => x.Date <= today)
            .Join(db.CourseGroups, x => x.GroupId, g => g.Id, (x, g) => new { x.Value, g.Kind })
            .GroupBy(x => new { x.Kind, x.Value })
            .Select(g => new { g.Key.Kind, g.Key.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(CourseKind kind, Attendance value) => counts.Where(c => c.Kind == kind && c.Value == value).Sum(c => c.Count);
        return [.. Enum.GetValues<CourseKind>().Select(k => new AttendanceRate(k,
            Count(k, Attendance.Present), Count(k, Attendance.ExcusedAbsence), Count(k, Attendance.UnexcusedAbsence)))];
    }

    private async Task<IReadOnlyList<Conversion>> MatchingAsync(IQueryable<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals
            .Where(p => cohortIds.Contains(p.NewcomerId))
            .Select(p => new
            {
                Suggested = p.MatchScore != null,
                Yes = p.Answer == NewcomerAnswer.Yes && db.Consents.Any(c => c.ProposalId == p.Id),
                Sent = db.Referrals.Any(r => r.ProposalId == p.Id && r.SentOn != null),
                Started = db.Referrals.Any(r => r.ProposalId == p.Id && r.StartedOn != null),
                StillGoing = db.Referrals.Any(r => r.ProposalId == p.Id && r.Outcome == ReferralOutcome.StillGoingAtThreeMonths),
            })
            .ToListAsync(cancellationToken);
        var fromSuggestion = proposals.Where(p => p.Suggested).ToList();
        return
        [
            new Conversion("vanuit een suggestie", fromSuggestion.Count, fromSuggestion.Count(p => p.Yes), fromSuggestion.Count(p => p.Sent),
                fromSuggestion.Count(p => p.Started), fromSuggestion.Count(p => p.StillGoing)),
            new Conversion("alle voorstellen", proposals.Count, proposals.Count(p => p.Yes), proposals.Count(p => p.Sent),
                proposals.Count(p => p.Started), proposals.Count(p => p.StillGoing)),
        ];
    }

    private async Task<IReadOnlyList<OutcomeAt>> OutcomesAsync(IQueryable<Guid> cohortIds, Dictionary<Guid, DateOnly> housingDates, DateOnly today,
        CancellationToken cancellationToken)
    {
        // Settling is not recorded as a milestone: it is reached the day the last item of the settling checklist that
        // applies was arranged, as the milestones page counts it. Integrating and participating are recorded.
        var checklists = await db.SettlingChecklists.AsNoTracking().Where(c => cohortIds.Contains(c.NewcomerId)).ToListAsync(cancellationToken);
        var households = await db.Set<HouseholdSection>().AsNoTracking().Where(h => cohortIds.Contains(h.NewcomerId))
            .ToDictionaryAsync(h => h.NewcomerId, cancellationToken);
        var reachedOn = new List<(Guid NewcomerId, MilestoneKind Kind, DateOnly On)>();
        foreach (var checklist in checklists)
        {
            var progress = SettlingProgress.Of(SettlingProgress.Rows(checklist, HouseholdFacts.From(households.GetValueOrDefault(checklist.NewcomerId)), today));
            if (progress.CompletedOn is { } settled)
            {
                reachedOn.Add((checklist.NewcomerId, MilestoneKind.Settle, settled));
            }
        }
        reachedOn.AddRange((await db.Milestones
                .Where(m => m.State == MilestoneState.Reached && m.ReachedOn != null && cohortIds.Contains(m.NewcomerId))
                .Select(m => new { m.NewcomerId, m.Kind, ReachedOn = m.ReachedOn!.Value })
                .ToListAsync(cancellationToken))
            .Select(m => (m.NewcomerId, m.Kind, m.ReachedOn)));
        return [.. OutcomeMonths.Select(months =>
        {
            var eligible = housingDates.Where(h => MilestoneDates.MonthsAfter(h.Value, months) <= today).ToDictionary(h => h.Key, h => h.Value);
            var reached = Enum.GetValues<MilestoneKind>().ToDictionary(kind => kind, kind => reachedOn.Count(m =>
                m.Kind == kind && eligible.TryGetValue(m.NewcomerId, out var housed) && m.On <= MilestoneDates.MonthsAfter(housed, months)));
            return new OutcomeAt(months, eligible.Count, reached);
        })];
    }

    private async Task<IReadOnlyList<InterventionUse>> InterventionsAsync(IQueryable<Guid> cohortIds, CancellationToken cancellationToken)
    {
        // Only the plan in force: a draft next version copies its steps, which would count them twice.
        var uses = await db.PlanSteps
            .Join(db.IntegrationPlans, s => s.PlanId, p => p.Id, (s, p) => new { s.Offer, s.Status, p.NewcomerId, p.State })
            .Where(x => x.State == PlanState.Fixed && x.Offer != null && cohortIds.Contains(x.NewcomerId))
            .GroupBy(x => x.Offer!)
            .Select(g => new InterventionUse(g.Key, g.Count(), g.Select(x => x.NewcomerId).Distinct().Count(),
                g.Count(x => x.Status == StepStatus.Doing), g.Count(x => x.Status == StepStatus.Done), g.Count(x => x.Status == StepStatus.Dropped)))
            .ToListAsync(cancellationToken);
        return [.. uses.OrderByDescending(u => u.Steps).ThenBy(u => u.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))];
    }

    private async Task<IReadOnlyList<OrganisationResult>> OrganisationsAsync(IQueryable<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var counts = await db.Referrals
            .Where(r => cohortIds.Contains(r.NewcomerId))
            .GroupBy(r => r.OrganisationId)
            .Select(g => new
            {
                OrganisationId = g.Key,
                Referrals = g.Count(),
                Sent = g.Count(r => r.SentOn != null),
                Accepted = g.Count(r => r.State == ReferralState.Accepted || r.State == ReferralState.Started || r.State == ReferralState.Ended),
                Started = g.Count(r => r.StartedOn != null),
                StillGoing = g.Count(r => r.Outcome == ReferralOutcome.StillGoingAtThreeMonths),
                Stopped = g.Count(r => r.Outcome == ReferralOutcome.Stopped),
            })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.OrganisationId).ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. counts
            .Select(c => new OrganisationResult(names.GetValueOrDefault(c.OrganisationId, "onbekende organisatie"), c.Referrals, c.Sent, c.Accepted, c.Started, c.StillGoing, c.Stopped))
            .OrderByDescending(o => o.Referrals).ThenBy(o => o.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))];
    }

    /// <summary>
    /// The answers of the cohort to "Hoe gaat het?", per what they were about: the offer, intervention or kind of
    /// volunteer a referral or arrangement was for, or the course group. Something proposed in other words than an
    /// offer, intervention or volunteer of the municipality is counted under those words.
    /// </summary>
    private async Task<IReadOnlyList<FeedbackResult>> FeedbackAsync(IQueryable<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var answers = await db.ActivityFeedbacks.Where(f => cohortIds.Contains(f.NewcomerId))
            .Select(f => new { f.ActivityKind, f.ActivityId, f.What, f.Moment, f.Face, f.WantsToContinue })
            .ToListAsync(cancellationToken);
        if (answers.Count == 0)
        {
            return [];
        }
        var referralIds = answers.Where(a => a.ActivityKind == ActivityKind.Referral).Select(a => a.ActivityId).Distinct().ToList();
        var proposalOfReferral = await db.Referrals.Where(r => referralIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.ProposalId, cancellationToken);
        var proposalIds = answers.Where(a => a.ActivityKind == ActivityKind.Arranged).Select(a => a.ActivityId)
            .Concat(proposalOfReferral.Values).Distinct().ToList();
        var proposals = await db.Proposals.Where(p => proposalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, p.TargetId, p.What }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var targetIds = proposals.Values.Where(p => p.TargetId != null).Select(p => p.TargetId!.Value).Distinct().ToList();
        var offers = await db.Offers.Where(o => targetIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        var interventions = await db.Interventions.Where(i => targetIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var volunteerRoles = await db.Volunteers.Where(v => targetIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Roles, cancellationToken);
        var groupIds = answers.Where(a => a.ActivityKind == ActivityKind.CourseGroup).Select(a => a.ActivityId).Distinct().ToList();
        var groups = await db.CourseGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);

        string About(ActivityKind kind, Guid activityId, string what)
        {
            if (kind == ActivityKind.CourseGroup)
            {
                return $"{groups.GetValueOrDefault(activityId, what)} (cursusgroep)";
            }
            var proposalId = kind == ActivityKind.Arranged ? activityId : proposalOfReferral.GetValueOrDefault(activityId);
            if (!proposals.TryGetValue(proposalId, out var proposal))
            {
                return what;
            }
            return proposal switch
            {
                { Kind: TargetKind.Offer, TargetId: { } id } when offers.TryGetValue(id, out var title) => $"{title} (aanbod)",
                { Kind: TargetKind.Intervention, TargetId: { } id } when interventions.TryGetValue(id, out var name) => $"{name} (interventie)",
                { Kind: TargetKind.Volunteer, TargetId: { } id } when volunteerRoles.TryGetValue(id, out var roles) && roles.Count > 0
                    => $"{roles[0].Dutch()} (vrijwilliger)",
                _ => proposal.What,
            };
        }
        return [.. answers.GroupBy(a => About(a.ActivityKind, a.ActivityId, a.What))
            .Select(g => new FeedbackResult(g.Key, g.Count(), g.Count(a => a.Moment == FeedbackMoment.TwoWeeks), g.Count(a => a.Moment == FeedbackMoment.ThreeMonths),
                Figures.Mean([.. g.Select(a => a.Face)]), g.Count(a => a.Face <= 2), g.Count(a => a.WantsToContinue == WantsToContinue.No)))
            .OrderByDescending(f => f.Answers).ThenBy(f => f.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))];
    }

    /// <summary>
    /// The road to work's outcomes, per person, per employer and per job coach, from one read of the cohort's applications
    /// for jobs (an internship is learning on the job and counts as education, as in the funnel). A person's level is
    /// judged on their latest hire: the job they have now, or the last one they had.
    /// </summary>
    private async Task<(WorkOutcomes Outcomes, IReadOnlyList<EmployerResult> Employers, IReadOnlyList<JobCoachResult> JobCoaches)> WorkAsync(
        IQueryable<Guid> cohortIds, Dictionary<Guid, DateOnly> housingDates, DateOnly today, CancellationToken cancellationToken)
    {
        var applications = (await db.JobApplications
                .Where(a => cohortIds.Contains(a.NewcomerId))
                .Join(db.Offers.Where(o => o.Kind == OfferKind.Job), a => a.OfferId, o => o.Id, (a, o) => new JobApplied(
                    a.NewcomerId, a.OrganisationId, a.State, a.AppliedOn, a.HiredOn, a.EndedOn, a.Benefit, a.PersonLevel, a.WorkLevel))
                .ToListAsync(cancellationToken))
            // A hire recorded with a day still to come is not a job yet.
            .Select(a => a.HiredOn > today ? a with { HiredOn = null, State = ApplicationState.Applied } : a)
            .ToList();
        var hires = applications.Where(a => a.IsHired).GroupBy(a => a.NewcomerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.HiredOn).ToList());
        var firstHire = hires.ToDictionary(h => h.Key, h => h.Value[0].HiredOn!.Value);
        // The job someone has now, else the last one they had: of two current jobs, the latest.
        var latest = hires.ToDictionary(h => h.Key, h => h.Value.Where(a => a.State == ApplicationState.Hired).LastOrDefault() ?? h.Value[^1]);
        var working = latest.Values.Where(a => a.State == ApplicationState.Hired).ToList();

        bool StillWorking(Guid newcomerId, DateOnly day) => hires[newcomerId].Any(a => a.WorksOn(day));
        var sixMonthsAgo = firstHire.Where(f => f.Value.AddMonths(6) <= today).ToList();
        var twelveMonthsAgo = firstHire.Where(f => f.Value.AddMonths(12) <= today).ToList();
        var outcomes = new WorkOutcomes(housingDates.Count, hires.Count, MedianDays(housingDates, firstHire), working.Count,
            latest.Values.Count(a => a.IsAtLevel), latest.Values.Count(a => a.IsBelowLevel), latest.Values.Count(a => !a.IsLevelKnown),
            sixMonthsAgo.Count, sixMonthsAgo.Count(f => StillWorking(f.Key, f.Value.AddMonths(6))),
            twelveMonthsAgo.Count, twelveMonthsAgo.Count(f => StillWorking(f.Key, f.Value.AddMonths(12))),
            working.Count(a => a.Benefit == BenefitAfterHire.Partly), working.Count(a => a.Benefit == BenefitAfterHire.Fully));

        var organisationIds = applications.Select(a => a.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var dutch = StringComparer.Create(DutchFormat.Culture, ignoreCase: true);
        var employers = applications.GroupBy(a => a.OrganisationId)
            .Select(g =>
            {
                var hired = g.Where(a => a.IsHired).ToList();
                var longEnough = hired.Where(a => a.HiredOn!.Value.AddMonths(6) <= today).ToList();
                return new EmployerResult(names.GetValueOrDefault(g.Key, "onbekende werkgever"), g.Count(), hired.Count,
                    hired.Count(a => a.IsAtLevel), hired.Count(a => a.IsBelowLevel),
                    longEnough.Count, longEnough.Count(a => a.WorksOn(a.HiredOn!.Value.AddMonths(6))));
            })
            .OrderByDescending(e => e.Hired).ThenByDescending(e => e.Applications).ThenBy(e => e.Name, dutch)
            .ToList();

        var coached = await db.JobCoaches.Where(c => cohortIds.Contains(c.NewcomerId))
            .Select(c => new { c.NewcomerId, c.Kind, c.Name, c.Organisation })
            .ToListAsync(cancellationToken);
        var applicationsOf = applications.GroupBy(a => a.NewcomerId).ToDictionary(g => g.Key, g => g.Count());
        var jobCoaches = coached
            .GroupBy(c => $"{c.Name} ({c.Kind.Dutch()}{(c.Organisation is null ? "" : $", {c.Organisation}")})", dutch)
            .Select(g => new JobCoachResult(g.Key, g.Count(), g.Sum(c => applicationsOf.GetValueOrDefault(c.NewcomerId)),
                g.Count(c => hires.ContainsKey(c.NewcomerId)), g.Count(c => latest.TryGetValue(c.NewcomerId, out var job) && job.IsAtLevel)))
            .OrderByDescending(c => c.People).ThenBy(c => c.Name, dutch)
            .ToList();
        return (outcomes, employers, jobCoaches);
    }

    /// <summary>Every kind, also those with none open, so a quiet month reads as such and the columns stay the same.</summary>
    private async Task<IReadOnlyList<OpenSignals>> SignalsAsync(IQueryable<Guid> cohortIds, CancellationToken cancellationToken)
    {
        var counts = await db.Signals
            .Where(s => s.ClosedOn == null && cohortIds.Contains(s.NewcomerId))
            .GroupBy(s => new { s.Kind, s.State })
            .Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(SignalKind kind, SignalState state) => counts.Where(c => c.Kind == kind && c.State == state).Sum(c => c.Count);
        return [.. Enum.GetValues<SignalKind>()
            .Select(k => new OpenSignals(k, Count(k, SignalState.Open), Count(k, SignalState.Acknowledged), Count(k, SignalState.Snoozed), Count(k, SignalState.Escalated)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Kind.Dutch(), StringComparer.Create(DutchFormat.Culture, ignoreCase: true))];
    }

    /// <summary>How many reached this step before the step it is compared with, and so count as negative days.</summary>
    private static int Earlier(IReadOnlyDictionary<Guid, DateOnly> from, IReadOnlyDictionary<Guid, DateOnly> to) =>
        to.Count(t => from.TryGetValue(t.Key, out var before) && t.Value < before);

    private static decimal? MedianDays(IReadOnlyDictionary<Guid, DateOnly> from, IReadOnlyDictionary<Guid, DateOnly> to) =>
        Figures.Median(to.Where(t => from.ContainsKey(t.Key)).Select(t => t.Value.DayNumber - from[t.Key].DayNumber));

    private static ActivityCount Activity(string label, int count, int cohortSize) => new(label, count, Figures.Percentage(count, cohortSize));

    private enum Occupation
    {
        VolunteerWork,
        Education,
        PaidWork,
    }

    private static Occupation? OccupationOf(OfferKind kind) => kind switch
    {
        OfferKind.VolunteerRole => Occupation.VolunteerWork,
        // An internship is learning on the job: it counts as education, not yet as paid work.
        OfferKind.Course or OfferKind.Internship => Occupation.Education,
        OfferKind.Job => Occupation.PaidWork,
        _ => null,
    };

    private static string Dutch(Occupation occupation) => occupation switch
    {
        Occupation.VolunteerWork => "vrijwilligerswerk",
        Occupation.Education => "opleiding",
        _ => "betaald werk",
    };
}
