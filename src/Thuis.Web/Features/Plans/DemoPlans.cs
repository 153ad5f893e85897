using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// Plans for the demo municipalities: people housed a while ago have a fixed plan with steps that have come some way,
/// people who just arrived have a draft or nothing yet. The first person of each town is left without a plan, so a
/// demo can start one from scratch.
/// </summary>
internal static class DemoPlans
{
    private static readonly (ParticipationDomain Domain, string Goal, (string What, StepOwner Owner, string? Who, bool Fun)[] Steps)[] Templates =
    [
        (ParticipationDomain.Meeting, "Mensen leren kennen in het dorp en plezier hebben",
            [("Een keer meetrainen bij de sportclub", StepOwner.Volunteer, "buddy van de sportclub", true),
             ("Naar het taalcafé in de bibliotheek", StepOwner.Newcomer, null, true),
             ("Kennismaken met de buren bij de koffieochtend", StepOwner.Partner, "welzijnswerk", true)]),
        (ParticipationDomain.SelfReliance, "Zelf de post en afspraken regelen",
            [("DigiD aanvragen en samen eerste keer inloggen", StepOwner.CaseManager, null, false),
             ("Post elke week samen doornemen met de thuisadministratie-vrijwilliger", StepOwner.Volunteer, "thuisadministratie", false)]),
        (ParticipationDomain.FinancialHealth, "Overzicht over inkomsten en vaste lasten",
            [("Meedoen aan de cursus ‘Omgaan met geld’", StepOwner.Partner, "welzijnswerk", false),
             ("Toeslagen controleren met de klantregisseur", StepOwner.CaseManager, null, false)]),
        (ParticipationDomain.PaidWork, "Ontdekken welk werk hier bij mijn ervaring past",
            [("Een dag meelopen bij een bedrijf in het vak van vroeger", StepOwner.Partner, "werkgeversservicepunt", false),
             ("Cv maken in het Nederlands", StepOwner.Volunteer, "jobcoach", false)]),
        (ParticipationDomain.ContributingToSociety, "Iets teruggeven aan de buurt",
            [("Helpen bij de buurtmaaltijd", StepOwner.Newcomer, null, true)]),
        (ParticipationDomain.CaringForOthers, "Goed voor de kinderen zorgen in een nieuw land",
            [("Kennismaken op school en in de ouderkamer", StepOwner.Partner, "school", false)]),
    ];

    public static async Task AddToAsync(AppDbContext db, DemoTown town, string caseManagerName, TimeProvider clock)
    {
        var people = (await db.Newcomers.ToListAsync()).OrderBy(n => n.RegisteredAt).ThenBy(n => n.Id).ToList();
        AddFor(db, people.Where(p => p.GivenNames != town.FirstGivenName || p.FamilyName != town.FirstFamilyName),
            new Random(town.Seed), caseManagerName, clock.InTheNetherlands());
    }

    /// <summary>Adds plans for these people, unsaved; a municipality of thousands is done a page of people at a time.</summary>
    internal static void AddFor(AppDbContext db, IEnumerable<Newcomer> people, Random random, string caseManagerName, DateOnly today)
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
                foreach (var (what, owner, who, fun) in templateSteps.Take(random.Next(1, templateSteps.Length + 1)))
                {
                    steps.Add(new StepContent(null, domain, what, owner, who, drafted.AddDays(random.Next(14, 120)), fun, null));
                }
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
                foreach (var step in plan.Steps)
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
            db.IntegrationPlans.Add(plan);
        }
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
