using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Work;

public sealed class ApplicationStepForm
{
    /// <summary>The step: none until the case manager chooses.</summary>
    public ApplicationState? Step { get; set; }

    /// <summary>The day of the step; today when left empty.</summary>
    public DateOnly? On { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    public ContractKind? Contract { get; set; }

    public int? HoursPerWeek { get; set; }

    public BenefitAfterHire? Benefit { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The next step of an application as the case manager or job coach hears it: an interview, a trial placement, hired
/// (with contract, hours and what it does to the benefit) or not hired and why, and later the end of the job. A hire
/// keeps the person's and the job's level of that day, so the outcome report can say who works at their own level.
/// </summary>
public sealed class RecordApplicationStep(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, OccupationCatalogue occupations,
    TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze sollicitatie intussen bijgewerkt. Open haar opnieuw en voer uw wijziging dan opnieuw in.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, Guid applicationId, ApplicationStepForm form, CancellationToken cancellationToken)
    {
        var application = await db.JobApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.NewcomerId == newcomerId, cancellationToken);
        if (application is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var on = form.On ?? today;
        var errors = new Dictionary<string, string>();
        if (form.Step is not { } step || step == ApplicationState.Applied)
        {
            errors[nameof(ApplicationStepForm.Step)] = "Kies wat er gebeurd is.";
        }
        else if (application.CannotRecord(step, on) is { } refusal && on <= today)
        {
            errors[nameof(ApplicationStepForm.Step)] = refusal;
        }
        if (on > today)
        {
            errors[nameof(ApplicationStepForm.On)] = JobApplication.InTheFuture;
        }
        if (form.Step is ApplicationState.NotHired or ApplicationState.Left && string.IsNullOrWhiteSpace(form.Note))
        {
            errors[nameof(ApplicationStepForm.Note)] = form.Step == ApplicationState.NotHired
                ? "Schrijf op waarom de persoon niet is aangenomen: daarvan leert u voor de volgende sollicitatie."
                : "Schrijf op waarom het werk is gestopt.";
        }
        if (form.Step == ApplicationState.Hired)
        {
            if (form.Contract is null)
            {
                errors[nameof(ApplicationStepForm.Contract)] = "Kies het contract.";
            }
            if (form.HoursPerWeek is not (>= 1 and <= Offer.MostHoursPerWeek))
            {
                errors[nameof(ApplicationStepForm.HoursPerWeek)] = Offer.HoursRefusal;
            }
            if (form.Benefit is null)
            {
                errors[nameof(ApplicationStepForm.Benefit)] = "Kies wat het werk met de uitkering doet.";
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var hire = form.Step == ApplicationState.Hired ? await HireAsync(application, form, cancellationToken) : null;
        return await SaveVersionedChange.HandleAsync(db, application, form.Version, a => a.CannotRecord(form.Step!.Value, on), a =>
        {
            switch (form.Step)
            {
                case ApplicationState.Interview: a.Interview(on, form.Note); break;
                case ApplicationState.TrialPlacement: a.StartTrial(on, form.Note); break;
                case ApplicationState.Hired: a.RecordHire(on, hire!, form.Note); break;
                case ApplicationState.NotHired: a.RecordNotHired(on, form.Note!); break;
                default: a.RecordLeft(on, form.Note!); break;
            }
        }, ChangedMeanwhile, cancellationToken);
    }

    /// <summary>The terms with the person's level and the job's on this day, as the matching engine reckons them.</summary>
    private async Task<Hire> HireAsync(JobApplication application, ApplicationStepForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleAsync(n => n.Id == application.NewcomerId, cancellationToken);
        var pool = await readPool.HandleAsync(PoolFilter.Everything, cancellationToken);
        var person = (await readPeople.HandleAsync([newcomer], pool, cancellationToken))[0];
        var vacancy = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == application.OfferId, cancellationToken);
        return new Hire(form.Contract!.Value, form.HoursPerWeek!.Value, form.Benefit!.Value, Engine.WorkLevels.OfPerson(person), LevelOf(vacancy, occupations));
    }

    /// <summary>A vacancy's level: its stated NLQF level, otherwise its occupation's — as the matching pool gives it to the engine.</summary>
    public static Engine.SkillLevel LevelOf(Offer vacancy, OccupationCatalogue occupations) =>
        vacancy.Nlqf is { } nlqf ? Engine.WorkLevels.OfNlqf(nlqf)
        : vacancy.EscoUri is { } uri && occupations.Find(uri) is { } occupation ? Engine.WorkLevels.OfIsco(occupation.IscoGroup)
        : Engine.SkillLevel.Unknown;
}
