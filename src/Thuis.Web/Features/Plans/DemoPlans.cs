using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// Plans for the demo municipalities: people housed a while ago have a fixed plan with steps that have come some way,
/// people who just arrived have a draft or nothing yet. The first person of each town is left without a plan, so a
/// demo can start one from scratch.
/// </summary>
internal static class DemoPlans
{
    private static readonly (ParticipationDomain Domain, string Goal, (string What, StepOwner Owner, string? Who, bool Fun, string? Offer)[] Steps)[] Templates =
    [
        (ParticipationDomain.Meeting, "Mensen leren kennen in het dorp en plezier hebben",
            [("Een keer meetrainen bij de sportclub", StepOwner.Volunteer, "buddy van de sportclub", true, "Sportkennismaking"),
             ("Naar het taalcafé in de bibliotheek", StepOwner.Newcomer, null, true, null),
             ("Kennismaken met de buren bij de koffieochtend", StepOwner.Partner, "welzijnswerk", true, "Buddy voor nieuwkomers")]),
        (ParticipationDomain.SelfReliance, "Zelf de post en afspraken regelen",
            [("DigiD aanvragen en samen eerste keer inloggen", StepOwner.CaseManager, null, false, null),
             ("Post elke week samen doornemen met de thuisadministratie-vrijwilliger", StepOwner.Volunteer, "thuisadministratie", false, "Thuisadministratie met een vrijwilliger")]),
        (ParticipationDomain.FinancialHealth, "Overzicht over inkomsten en vaste lasten",
            [("Meedoen aan de cursus ‘Omgaan met geld’", StepOwner.Partner, "welzijnswerk", false, "Cursus Omgaan met geld"),
             ("Toeslagen controleren met de klantregisseur", StepOwner.CaseManager, null, false, null)]),
        (ParticipationDomain.PaidWork, "Ontdekken welk werk hier bij mijn ervaring past",
            [("Een dag meelopen bij een bedrijf in het vak van vroeger", StepOwner.Partner, "werkgeversservicepunt", false, "Werkervaringsplek met begeleiding"),
             ("Cv maken in het Nederlands", StepOwner.Volunteer, "jobcoach", false, null)]),
        (ParticipationDomain.ContributingToSociety, "Iets teruggeven aan de buurt",
            [("Helpen bij de buurtmaaltijd", StepOwner.Newcomer, null, true, "Leren in vrijwilligerswerk")]),
        (ParticipationDomain.CaringForOthers, "Goed voor de kinderen zorgen in een nieuw land",
            [("Kennismaken op school en in de ouderkamer", StepOwner.Partner, "school", false, "Opvoeden in een nieuw land")]),
    ];

    public static async Task AddToAsync(AppDbContext db, DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var people = (await db.Newcomers.ToListAsync()).OrderBy(n => n.RegisteredAt).ThenBy(n => n.Id).ToList();
        // The weekly steps are drawn apart, so the rest of the demo stays as it was.
        AddFor(db, people.Where(p => p.GivenNames != town.FirstGivenName || p.FamilyName != town.FirstFamilyName),
            new Random(town.Seed), new Random(town.Seed + 1), caseManagerName, clock.InTheNetherlands());
        AddEducationRoute(db, await db.Set<EducationSection>().AsNoTracking().ToListAsync(), caseManagerName, clock);
    }

    /// <summary>The field of the demo's education route, and the training steps beside it.</summary>
    internal const string RouteField = "zorg en welzijn";

    /// <summary>
    /// Seed 003's road for one person with little schooling whose plan aims at work: a second version of the plan, fixed a
    /// few days ago, with the route entree → mbo 2 and two training steps (applying, the elevator pitch); the job coach
    /// (and the CV, when the plan has none) is left for the plan page to suggest.
    /// </summary>
    private static void AddEducationRoute(AppDbContext db, IReadOnlyList<EducationSection> education, string caseManagerName, TimeProvider clock)
    {
        var low = education.Where(e => e.HighestLevel is EducationLevel.None or EducationLevel.Primary or EducationLevel.LowerSecondary)
            .Select(e => e.NewcomerId).ToHashSet();
        var plan = db.IntegrationPlans.Local
            .Where(p => p.State == PlanState.Fixed && p.MainGoal == MainGoal.Work && low.Contains(p.NewcomerId) && p.DecisionDate < clock.InTheNetherlands().AddDays(-10))
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.NewcomerId).FirstOrDefault();
        if (plan is null)
        {
            return;
        }
        var today = clock.InTheNetherlands();
        var decided = today.AddDays(-5);
        var next = plan.NextVersion(caseManagerName, At(decided.AddDays(-2)));
        var path = EducationRoutes.Path(EducationRoutes.Find("entree")!, EducationRoutes.Find("mbo2")!);
        foreach (var step in ChooseEducationRoute.Steps(path, RouteField, today.AddDays(30), "ROC (demo)"))
        {
            next.AddStep(step, decided);
        }
        foreach (var key in new[] { "sollicitatietraining", "elevator-pitch" })
        {
            next.AddStep(WorkSuggestions.FindTraining(key)!.Content(decided), decided);
        }
        plan.Supersede();
        next.Fix(decided, caseManagerName, At(decided));
        db.IntegrationPlans.Add(next);
    }

    /// <summary>Adds plans for these people, unsaved; a municipality of thousands is done a page of people at a time.</summary>
    internal static void AddFor(AppDbContext db, IEnumerable<Newcomer> people, Random random, Random weeklyRandom, string caseManagerName, DateOnly today)
    {
        foreach (var person in people)
        {
            var daysHere = today.DayNumber - person.RegistrationDate.DayNumber;
            // Just arrived: no plan yet, or a first draft; a while here: almost always a fixed plan.
            var roll = random.NextDouble();
            if (daysHere < 10 || (daysHere < 45 && roll < 0.3))
            {
                continue;
            }
            var fix = daysHere >= 45 && roll < 0.93;
            var drafted = person.RegistrationDate.AddDays(random.Next(5, Math.Min(20, daysHere)));
            var plan = IntegrationPlan.FirstDraft(person, caseManagerName, At(Earlier(drafted, today)));
            var age = IntegrationLaw.AgeOn(person.DateOfBirth, today);
            var route = age < 25 && random.NextDouble() < 0.5 ? LearningRoute.Education : random.NextDouble() < 0.2 ? LearningRoute.Z : LearningRoute.B1;
            var mainGoal = route == LearningRoute.Education ? MainGoal.Education : route == LearningRoute.Z ? MainGoal.Participation : MainGoal.Work;
            var chosen = Templates.Take(1).Concat(Templates.Skip(1).OrderBy(_ => random.Next()).Take(random.Next(1, 3))).ToList();
            var steps = new List<StepContent>();
            foreach (var (domain, _, templateSteps) in chosen)
            {
                foreach (var (what, owner, who, fun, offer) in templateSteps.Take(random.Next(1, templateSteps.Length + 1)))
                {
                    steps.Add(new StepContent(null, domain, what, owner, who, drafted.AddDays(random.Next(14, 120)), fun, offer));
                }
            }
            // Most people who have been here a while have something going every week; the few without are whom the
            // stagnation and isolation signals of the demo are about.
            var weekly = fix && daysHere >= 60 && weeklyRandom.NextDouble() < 0.85;
            if (weekly)
            {
                steps.Add(new StepContent(null, ParticipationDomain.Meeting, WeeklyStep, StepOwner.Newcomer, null, today.AddDays(weeklyRandom.Next(30, 90)), true, null));
            }
            plan.Revise(new PlanTerms(route, mainGoal, null,
                    route == LearningRoute.Z ? null : 4, 4, person.HousingDate, person.HousingDate?.AddMonths(6), null,
                    random.NextDouble() < 0.3 ? "Taalmaatje één keer per week" : null, 6, Later(today.AddDays(random.Next(3, 40)), drafted),
                    random.Next(0, 3)),
                chosen.ToDictionary(c => c.Domain, c => c.Goal), steps, Earlier(drafted, today));

            var decision = Earlier(drafted.AddDays(random.Next(7, 40)), today);
            if (fix)
            {
                plan.Fix(decision, caseManagerName, At(decision));
                foreach (var step in plan.Steps.Where(s => s.What != WeeklyStep))
                {
                    var daysSinceDue = today.DayNumber - step.Due!.Value.DayNumber;
                    var status = daysSinceDue > 0 ? (random.NextDouble() < 0.75 ? StepStatus.Done : StepStatus.Doing)
                        : daysSinceDue > -45 && random.NextDouble() < 0.5 ? StepStatus.Doing : StepStatus.Planned;
                    if (status != StepStatus.Planned)
                    {
                        plan.RecordProgress(step.Id, status, null, Earlier(step.Due!.Value, today));
                    }
                }
            }
            if (plan.Steps.SingleOrDefault(s => s.What == WeeklyStep) is { } going)
            {
                plan.RecordProgress(going.Id, StepStatus.Doing, null, Later(today.AddDays(-weeklyRandom.Next(3, 35)), decision));
            }
            db.IntegrationPlans.Add(plan);
        }
    }

    private const string WeeklyStep = "Elke week naar de inloop in het buurthuis";

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
