using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Plans;

/// <summary>The education route as chosen with the person: where it starts and aims, in which field, from when.</summary>
public sealed class EducationRouteForm
{
    public const int FieldLength = 100;
    public const int YearsAhead = 5;
    public const int SchoolLength = 200;

    /// <summary>The key of the level the route starts at (<see cref="EducationLevelStep.Key"/>).</summary>
    public string? Start { get; set; }

    /// <summary>The key of the level the route aims at.</summary>
    public string? Aim { get; set; }

    /// <summary>The field ("zorg en welzijn", "techniek") or the occupation the route leads to.</summary>
    public string? Field { get; set; }

    /// <summary>The day the first course of the route begins.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>The school, when known (ROC, hogeschool).</summary>
    public string? School { get; set; }

    /// <summary>The version of the plan being worked on when the form was loaded.</summary>
    public Guid Version { get; set; }

    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var start = EducationRoutes.Find(Start);
        var aim = EducationRoutes.Find(Aim);
        if (start is null)
        {
            errors[nameof(Start)] = "Kies waar de route begint.";
        }
        if (aim is null)
        {
            errors[nameof(Aim)] = "Kies tot waar de route gaat.";
        }
        else if (start is not null && EducationRoutes.IndexOf(aim) < EducationRoutes.IndexOf(start))
        {
            errors[nameof(Aim)] = $"Het doel ligt onder het begin ({start.ShortName}); kies een doel op of boven het begin.";
        }
        if (string.IsNullOrWhiteSpace(Field))
        {
            errors[nameof(Field)] = "Vul de richting in, bijvoorbeeld ‘zorg en welzijn’ of ‘techniek’.";
        }
        else if (Field.Trim().Length > FieldLength)
        {
            errors[nameof(Field)] = $"Hoogstens {FieldLength} tekens.";
        }
        if (StartsOn is not { } starts)
        {
            errors[nameof(StartsOn)] = "Kies de datum waarop de eerste opleiding begint.";
        }
        else if (starts < today)
        {
            errors[nameof(StartsOn)] = "De route kan niet in het verleden beginnen.";
        }
        else if (starts > today.AddYears(YearsAhead))
        {
            errors[nameof(StartsOn)] = $"Kies een begin binnen {YearsAhead} jaar.";
        }
        if (School?.Trim().Length > SchoolLength)
        {
            errors[nameof(School)] = $"Hoogstens {SchoolLength} tekens.";
        }
        return errors;
    }
}

/// <summary>The route page: the plan version it adds to, what the intake says of the person's level, and the form.</summary>
public sealed record EducationRouteSheet(int Number, bool MakesNewVersion, string Level, EducationLevelStep SuggestedStart,
    IReadOnlyList<string> RoutesInPlan, EducationRouteForm Form);

/// <summary>
/// Adds an education route (entree → mbo 2 → …) to the working plan as a path of steps, one per level in order, each
/// due when the one before it ends plus the level's usual length. The route starts where the person's education says
/// (or where the case manager chooses with them) and aims as far as they want to go. The person comes from the
/// address: one of another municipality is as unknown as one that does not exist.
/// </summary>
public sealed class ChooseEducationRoute(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Added = "opleidingsroute";

    public const string AddedToNewVersion = "opleidingsroute-nieuwe-versie";

    public const string AlreadyInPlan = "Deze opleidingsroute staat al in het plan. Pas de stappen aan via ‘Plan bewerken’.";

    private const string RoutePrefix = "Opleidingsroute ";

    public async Task<NewcomerPlan<EducationRouteSheet>?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(IntegrationPlan), "Opleidingsroute", cancellationToken) is not { } name)
        {
            return null;
        }
        var plan = await PlanAdditions.Working(db, newcomerId).AsNoTracking().Include(p => p.Steps).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return new(name, null);
        }
        var education = await db.Set<EducationSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var start = EducationRoutes.StartFor(education?.HighestLevel ?? EducationLevel.Unknown, education?.HighestValuedNlqf);
        var form = new EducationRouteForm
        {
            Start = start.Key,
            Aim = EducationRoutes.Levels[Math.Min(EducationRoutes.IndexOf(start) + 1, EducationRoutes.Levels.Count - 1)].Key,
            Field = education?.Field,
            Version = plan.Version,
        };
        return new(name, new EducationRouteSheet(plan.Number, plan.State == PlanState.Fixed, LevelOf(education), start,
            [.. plan.Steps.Where(s => s.Offer?.StartsWith(RoutePrefix, StringComparison.Ordinal) == true).Select(s => s.Offer!).Distinct()], form));
    }

    /// <returns>Saved with the plan page's address to return to; not found for a person or plan this municipality does not know.</returns>
    public async Task<Outcome<string>> HandleAsync(Guid newcomerId, EducationRouteForm form, CancellationToken cancellationToken)
    {
        var working = await PlanAdditions.Working(db, newcomerId).AsNoTracking().Include(p => p.Steps).FirstOrDefaultAsync(cancellationToken);
        if (working is null)
        {
            return Outcome.NotFound();
        }
        var errors = form.Check(clock.InTheNetherlands());
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var path = EducationRoutes.Path(EducationRoutes.Find(form.Start)!, EducationRoutes.Find(form.Aim)!);
        var field = form.Field!.Trim();
        var offer = Offer(path, field);
        if (working.Version == form.Version && working.Steps.Any(s => s.Offer == offer))
        {
            return Outcome.Refused(AlreadyInPlan);
        }
        var outcome = await PlanAdditions.AddStepsAsync(db, currentUser, clock, newcomerId, form.Version,
            _ => Steps(path, field, form.StartsOn!.Value, form.School), cancellationToken);
        return outcome.IsSaved
            ? Outcome.Saved($"/dossiers/{newcomerId}/plan?klaar={(outcome.Value ? AddedToNewVersion : Added)}")
            : outcome.WithoutValue;
    }

    /// <summary>
    /// The route as steps in order: one per level, each due its usual length after the one before it ends, all carrying
    /// the route as their offer ("Opleidingsroute zorg en welzijn: entree → mbo 2") so the plan shows them as one path.
    /// </summary>
    public static IReadOnlyList<StepContent> Steps(IReadOnlyList<EducationLevelStep> path, string field, DateOnly startsOn, string? school)
    {
        var steps = new List<StepContent>();
        var ends = startsOn;
        var offer = Offer(path, field);
        foreach (var level in path)
        {
            ends = ends.AddMonths(level.Months);
            var what = $"{char.ToUpperInvariant(level.Name[0])}{level.Name[1..]} in {field} volgen en het diploma halen";
            steps.Add(new StepContent(null, ParticipationDomain.PaidWork, what, StepOwner.Newcomer, school, ends, false, offer));
        }
        return steps;
    }

    public static string Offer(IReadOnlyList<EducationLevelStep> path, string field)
    {
        var offer = $"{RoutePrefix}{field}: {string.Join(" → ", path.Select(l => l.ShortName))}";
        return offer.Length <= 300 ? offer : offer[..300];
    }

    /// <summary>The person's level of education in words, from the intake: the valued Dutch level first.</summary>
    private static string LevelOf(EducationSection? education)
    {
        if (education is null || education.HighestLevel == EducationLevel.Unknown)
        {
            return "De intake zegt nog niets over de opleiding.";
        }
        if (education.HighestValuedNlqf is { } nlqf)
        {
            return $"Diploma gewaardeerd op {WorkLevelNames.Nlqf(nlqf)}: {WorkLevelNames.Skill(Engine.WorkLevels.OfNlqf(nlqf))}.";
        }
        var level = Engine.WorkLevels.OfEducation(Matching.MatchingLevels.Education(education.HighestLevel));
        return $"Opleiding uit het land van herkomst: {education.HighestLevel.Dutch()}{(education.Diplomas.Count > 0 ? ", met diploma" : ", zonder diploma")} ({WorkLevelNames.Skill(level)}; nog niet gewaardeerd).";
    }
}
