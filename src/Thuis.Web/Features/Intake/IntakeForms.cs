using System.ComponentModel.DataAnnotations;
using Thuis.Web.Features.Dossiers;

namespace Thuis.Web.Features.Intake;

// The forms of the intake parts: what the page binds, checked with Dutch messages, and how it maps
// onto the part. Every list form offers a few empty rows; empty rows are dropped on save.

public abstract class SectionForm
{
    /// <summary>The version of the part when the form was loaded; empty for a part not yet recorded.</summary>
    public Guid Version { get; set; }

    protected static List<T> WithEmptyRows<T>(IEnumerable<T> rows, Func<T> empty, int blanks = 3) where T : class =>
        [.. rows, .. Enumerable.Range(0, blanks).Select(_ => empty())];
}

public sealed class LanguagesForm : SectionForm
{
    public List<LanguageSkill> Languages { get; set; } = [];
    public Literacy LatinScript { get; set; }

    public static LanguagesForm From(LanguagesSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        Languages = WithEmptyRows(s?.Languages.Select(Copy) ?? [], () => new LanguageSkill()),
        LatinScript = s?.LatinScript ?? Literacy.Unknown,
    };

    public void ApplyTo(LanguagesSection s) => s.Update(Languages.Select(Copy), LatinScript);

    private static LanguageSkill Copy(LanguageSkill l) => new()
    {
        Language = l.Language.Trim(),
        MotherTongue = l.MotherTongue,
        Listening = l.Listening,
        Reading = l.Reading,
        Speaking = l.Speaking,
        Writing = l.Writing,
    };
}

public sealed class WorkExperienceForm : SectionForm
{
    public List<Job> Jobs { get; set; } = [];

    public static WorkExperienceForm From(WorkExperienceSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        Jobs = WithEmptyRows(s?.Jobs.Select(Copy) ?? [], () => new Job(), blanks: 2),
    };

    public Dictionary<string, string> Check()
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < Jobs.Count; i++)
        {
            if (Jobs[i].Years is < 0 or > 60)
            {
                errors[$"{nameof(Jobs)}[{i}].{nameof(Job.Years)}"] = "Vul een aantal jaren tussen 0 en 60 in.";
            }
        }
        return errors;
    }

    public void ApplyTo(WorkExperienceSection s) => s.Update(Jobs.Select(Copy));

    private static Job Copy(Job j) => new() { EscoUri = string.IsNullOrWhiteSpace(j.EscoUri) ? null : j.EscoUri, Title = j.Title.Trim(), Years = j.Years, Role = j.Role, Notes = j.Notes, Recognition = j.Recognition };
}

public sealed class StrengthsForm : SectionForm
{
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? Talents { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? Skills { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? Hobbies { get; set; }
    /// <summary>
    /// Checked interest tags; a checkbox that is not ticked is simply absent, and with none ticked the form binds no
    /// dictionary at all: that reads as none chosen.
    /// </summary>
    public Dictionary<string, bool> InterestChoices { get; set => field = value ?? []; } = [];
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? KnownFor { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? EnergisedBy { get; set; }

    public static StrengthsForm From(StrengthsSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        Talents = s?.Talents,
        Skills = s?.Skills,
        Hobbies = s?.Hobbies,
        InterestChoices = (s?.Interests ?? []).ToDictionary(t => t, _ => true),
        KnownFor = s?.KnownFor,
        EnergisedBy = s?.EnergisedBy,
    };

    public void ApplyTo(StrengthsSection s) => s.Update(Talents, Skills, Hobbies, InterestChoices.Where(c => c.Value).Select(c => c.Key), KnownFor, EnergisedBy);
}

public sealed class NetworkForm : SectionForm
{
    public List<Contact> Contacts { get; set; } = [];

    public static NetworkForm From(NetworkSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        Contacts = WithEmptyRows(s?.Contacts.Select(c => new Contact { Who = c.Who, Relation = c.Relation, Place = c.Place }) ?? [], () => new Contact()),
    };

    public void ApplyTo(NetworkSection s) => s.Update(Contacts.Select(c => new Contact { Who = c.Who.Trim(), Relation = c.Relation, Place = c.Place?.Trim() }));
}

public sealed class ReciprocityForm : SectionForm
{
    /// <summary>Checked giving tags; with none ticked the form binds no dictionary, which reads as none chosen.</summary>
    public Dictionary<string, bool> OfferChoices { get; set => field = value ?? []; } = [];
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? Description { get; set; }

    public static ReciprocityForm From(ReciprocitySection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        OfferChoices = (s?.Offers ?? []).ToDictionary(t => t, _ => true),
        Description = s?.Description,
    };

    public void ApplyTo(ReciprocitySection s) => s.Update(OfferChoices.Where(c => c.Value).Select(c => c.Key), Description);
}

public sealed class AspirationsForm : SectionForm
{
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? ShortTerm { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? LongTerm { get; set; }

    public static AspirationsForm From(AspirationsSection? s) => new() { Version = s?.Version ?? Guid.Empty, ShortTerm = s?.ShortTerm, LongTerm = s?.LongTerm };

    public void ApplyTo(AspirationsSection s) => s.Update(ShortTerm, LongTerm);
}

public sealed class CircumstancesForm : SectionForm
{
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? PhysicalHealth { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? MentalHealth { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? TraumaCare { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? CareForChildren { get; set; }
    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")] public string? PracticalLimits { get; set; }

    public static CircumstancesForm From(CircumstancesSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        PhysicalHealth = s?.PhysicalHealth,
        MentalHealth = s?.MentalHealth,
        TraumaCare = s?.TraumaCare,
        CareForChildren = s?.CareForChildren,
        PracticalLimits = s?.PracticalLimits,
    };

    public void ApplyTo(CircumstancesSection s) => s.Update(PhysicalHealth, MentalHealth, TraumaCare, CareForChildren, PracticalLimits);
}

public sealed class LearnabilityForm : SectionForm
{
    public DateOnly? TakenOn { get; set; }
    [Range(0, 1000, ErrorMessage = "Vul een score tussen 0 en 1000 in.")] public int? Score { get; set; }
    public LearnabilityOutcome Outcome { get; set; }
    public bool Exempt { get; set; }
    [StringLength(4000)] public string? ExemptionReason { get; set; }

    public static LearnabilityForm From(LearnabilitySection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        TakenOn = s?.TakenOn,
        Score = s?.Score,
        Outcome = s?.Outcome ?? LearnabilityOutcome.NotTaken,
        Exempt = s?.Exempt ?? false,
        ExemptionReason = s?.ExemptionReason,
    };

    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (TakenOn > today)
        {
            errors[nameof(TakenOn)] = "De toets kan niet in de toekomst zijn afgenomen.";
        }
        if (Outcome != LearnabilityOutcome.NotTaken && TakenOn is null)
        {
            errors[nameof(TakenOn)] = "Vul de datum van de toets in bij een uitkomst.";
        }
        if (Exempt && string.IsNullOrWhiteSpace(ExemptionReason))
        {
            errors[nameof(ExemptionReason)] = "Vul de reden van de ontheffing in.";
        }
        return errors;
    }

    public void ApplyTo(LearnabilitySection s) => s.Update(TakenOn, Score, Outcome, Exempt, ExemptionReason);
}

public sealed class EducationForm : SectionForm
{
    public EducationLevel HighestLevel { get; set; }
    [StringLength(200)] public string? Field { get; set; }
    [Range(0, 30, ErrorMessage = "Vul een aantal jaren tussen 0 en 30 in.")] public int? Years { get; set; }
    public List<DiplomaRow> Diplomas { get; set; } = [];

    /// <summary>One diploma as typed; a row without anything in it is left out, as in the other lists of the intake.</summary>
    public sealed class DiplomaRow
    {
        [StringLength(Diploma.NameLength, ErrorMessage = "Hoogstens 200 tekens.")] public string? Name { get; set; }
        [StringLength(Diploma.CountryLength, ErrorMessage = "Hoogstens 100 tekens.")] public string? Country { get; set; }
        public int? Year { get; set; }
        public EducationLevel Level { get; set; }
        public DiplomaValuation Valuation { get; set; }
        public DateOnly? AppliedOn { get; set; }
        public int? Nlqf { get; set; }
        [StringLength(Diploma.ResultLength, ErrorMessage = "Hoogstens 500 tekens.")] public string? Result { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Country) && Year is null && Level == EducationLevel.Unknown
            && Valuation == DiplomaValuation.NotApplied && AppliedOn is null && Nlqf is null && string.IsNullOrWhiteSpace(Result);

        public Diploma ToDiploma() => new(Name!, Country, Year, Level, Valuation, AppliedOn, Nlqf, Result);

        public static DiplomaRow From(Diploma d) => new()
        {
            Name = d.Name,
            Country = d.Country,
            Year = d.Year,
            Level = d.Level,
            Valuation = d.Valuation,
            AppliedOn = d.AppliedOn,
            Nlqf = d.Nlqf,
            Result = d.Result,
        };
    }

    /// <summary>Every diploma's problems at once, beside its fields: the diploma's own rules, and no year or date after today.</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < Diplomas.Count; i++)
        {
            var row = Diplomas[i];
            if (row.IsEmpty)
            {
                continue;
            }
            var prefix = $"{nameof(Diplomas)}[{i}].";
            foreach (var (parameter, message) in Diploma.Problems(row.Name, row.Year, row.Valuation, row.AppliedOn, row.Nlqf, row.Result))
            {
                errors[prefix + char.ToUpperInvariant(parameter[0]) + parameter[1..]] = message;
            }
            if (row.Year > today.Year)
            {
                errors[prefix + nameof(DiplomaRow.Year)] = "Het jaar ligt in de toekomst.";
            }
            if (row.AppliedOn > today)
            {
                errors[prefix + nameof(DiplomaRow.AppliedOn)] = "De aanvraagdatum ligt in de toekomst.";
            }
        }
        return errors;
    }

    public static EducationForm From(EducationSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        HighestLevel = s?.HighestLevel ?? EducationLevel.Unknown,
        Field = s?.Field,
        Years = s?.Years,
        Diplomas = WithEmptyRows(s?.Diplomas.Select(DiplomaRow.From) ?? [], () => new DiplomaRow(), blanks: s?.Diplomas.Count > 0 ? 1 : 2),
    };

    public void ApplyTo(EducationSection s) => s.Update(HighestLevel, Field, Years, Diplomas.Where(d => !d.IsEmpty).Select(d => d.ToDiploma()));
}

public sealed class FinancesForm : SectionForm
{
    public IncomeSource IncomeSource { get; set; }
    public bool? HasDebts { get; set; }
    [Range(0, 10_000_000, ErrorMessage = "Vul een bedrag van 0 of meer in.")] public decimal? DebtAmount { get; set; }
    [StringLength(4000)] public string? Creditors { get; set; }
    public DebtHelp DebtHelp { get; set; }
    public bool? HasBankAccount { get; set; }
    public bool? OntzorgenInPlace { get; set; }

    public static FinancesForm From(FinancesSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        IncomeSource = s?.IncomeSource ?? IncomeSource.Unknown,
        HasDebts = s?.HasDebts,
        DebtAmount = s?.DebtAmount,
        Creditors = s?.Creditors,
        DebtHelp = s?.DebtHelp ?? DebtHelp.NotNeeded,
        HasBankAccount = s?.HasBankAccount,
        OntzorgenInPlace = s?.OntzorgenInPlace,
    };

    public void ApplyTo(FinancesSection s) => s.Update(IncomeSource, HasDebts, DebtAmount, Creditors, DebtHelp, HasBankAccount, OntzorgenInPlace);
}

public sealed class HouseholdForm : SectionForm
{
    [StringLength(200)] public string? PartnerName { get; set; }
    public bool PartnerInNetherlands { get; set; }
    public List<Child> Children { get; set; } = [];
    public FamilyReunificationStatus FamilyReunification { get; set; }
    [StringLength(4000)] public string? FamilyReunificationNote { get; set; }

    public static HouseholdForm From(HouseholdSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        PartnerName = s?.PartnerName,
        PartnerInNetherlands = s?.PartnerInNetherlands ?? false,
        Children = WithEmptyRows(s?.Children.Select(c => new Child { Name = c.Name, DateOfBirth = c.DateOfBirth, SchoolOrDayCare = c.SchoolOrDayCare, VveInformationGiven = c.VveInformationGiven }) ?? [], () => new Child()),
        FamilyReunification = s?.FamilyReunification ?? FamilyReunificationStatus.NotApplicable,
        FamilyReunificationNote = s?.FamilyReunificationNote,
    };

    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < Children.Count; i++)
        {
            var child = Children[i];
            if (!string.IsNullOrWhiteSpace(child.Name) && child.DateOfBirth > today)
            {
                errors[$"{nameof(Children)}[{i}].{nameof(Child.DateOfBirth)}"] = "De geboortedatum ligt in de toekomst.";
            }
            if (string.IsNullOrWhiteSpace(child.Name) && (child.DateOfBirth is not null || !string.IsNullOrWhiteSpace(child.SchoolOrDayCare)))
            {
                errors[$"{nameof(Children)}[{i}].{nameof(Child.Name)}"] = "Vul de naam van het kind in.";
            }
        }
        return errors;
    }

    public void ApplyTo(HouseholdSection s) => s.Update(PartnerName, PartnerInNetherlands, Children, FamilyReunification, FamilyReunificationNote);
}

public sealed class InvitationsForm : SectionForm
{
    public List<InvitationRow> Invitations { get; set; } = [];

    public sealed class InvitationRow
    {
        public DateOnly? Date { get; set; }
        public InvitationOutcome Outcome { get; set; }
        [StringLength(1000)] public string? Note { get; set; }
    }

    public static InvitationsForm From(InvitationsSection? s) => new()
    {
        Version = s?.Version ?? Guid.Empty,
        Invitations = WithEmptyRows(s?.Invitations.Select(i => new InvitationRow { Date = i.Date, Outcome = i.Outcome, Note = i.Note }) ?? [], () => new InvitationRow(), blanks: 2),
    };

    public void ApplyTo(InvitationsSection s) =>
        s.Update(Invitations.Where(i => i.Date is not null).Select(i => new Invitation { Date = i.Date!.Value, Outcome = i.Outcome, Note = i.Note }));
}
