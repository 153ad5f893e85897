using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Dossiers;

/// <summary>Who someone is and how to reach them.</summary>
public sealed record PersonDetails(
    string GivenNames, string FamilyName, DateOnly DateOfBirth, Gender Gender,
    string CountryOfOrigin, string? Nationality, string? Phone, string? Email,
    string? PreferredLanguage, bool InterpreterNeeded, string? Bsn, string? VNumber);

/// <summary>The legal frame: target group, the dates the law counts from, and where someone lives.</summary>
public sealed record LegalFrame(
    TargetGroup TargetGroup, DateOnly? PermitDate, DateOnly RegistrationDate, DateOnly? HousingDate,
    string? Street, string? HouseNumber, string? Postcode, string? City);

/// <summary>A statushouder the municipality guides: the person at the heart of a dossier.</summary>
public sealed class Newcomer : IMunicipalityOwned, IPersonData
{
    private Newcomer()
    {
        GivenNames = FamilyName = CountryOfOrigin = "";
    }

    public Newcomer(Guid municipalityId, PersonDetails person, LegalFrame frame, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        GivenNames = FamilyName = CountryOfOrigin = "";
        RegisteredAt = registeredAt;
        UpdatePerson(person);
        UpdateLegalFrame(frame);
    }

    public Guid Id { get; private set; }

    Guid IPersonData.NewcomerId => Id;
    public Guid MunicipalityId { get; private set; }

    public string GivenNames { get; private set; }
    public string FamilyName { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public Gender Gender { get; private set; }
    public string CountryOfOrigin { get; private set; }
    public string? Nationality { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? PreferredLanguage { get; private set; }
    public bool InterpreterNeeded { get; private set; }
    public string? Bsn { get; private set; }
    public string? VNumber { get; private set; }

    public TargetGroup TargetGroup { get; private set; }
    public DateOnly? PermitDate { get; private set; }
    /// <summary>Registration in the municipality: the PIP deadline counts from here.</summary>
    public DateOnly RegistrationDate { get; private set; }
    public DateOnly? HousingDate { get; private set; }
    public string? Street { get; private set; }
    public string? HouseNumber { get; private set; }
    public string? Postcode { get; private set; }
    public string? City { get; private set; }

    /// <summary>The user id of the case manager (klantregisseur) who owns this dossier.</summary>
    public string? CaseManagerId { get; private set; }
    public DossierStatus Status { get; private set; }
    public DateOnly? PausedUntil { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// The day the dossier closed: the inburgeringsplicht ended (completed) or the person moved away. The retention term
    /// counts from here (<c>Besluit inburgering 2021 art. 9.9</c>); reopening the dossier clears it.
    /// </summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>When the person's data was erased; what is left is only what the reports count.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>How an erased dossier is named from then on: not the person, but a reference to the record.</summary>
    public string Reference => ReferenceOf(Id);

    /// <summary>The reference of the dossier with this id: its last eight characters.</summary>
    public static string ReferenceOf(Guid newcomerId) => newcomerId.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public string FullName => $"{GivenNames} {FamilyName}";

    public void UpdatePerson(PersonDetails person)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(person.GivenNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(person.FamilyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(person.CountryOfOrigin);
        if (person.Bsn is not null && !Dossiers.Bsn.IsValid(person.Bsn))
        {
            throw new ArgumentException("Het BSN voldoet niet aan de elfproef.", nameof(person));
        }
        if (person.VNumber is not null && !Dossiers.VNumber.IsValid(person.VNumber))
        {
            throw new ArgumentException("Een V-nummer bestaat uit tien cijfers.", nameof(person));
        }
        GivenNames = person.GivenNames.Trim();
        FamilyName = person.FamilyName.Trim();
        DateOfBirth = person.DateOfBirth;
        Gender = person.Gender;
        CountryOfOrigin = person.CountryOfOrigin.Trim();
        Nationality = Clean(person.Nationality);
        Phone = Clean(person.Phone);
        Email = Clean(person.Email);
        PreferredLanguage = Clean(person.PreferredLanguage);
        InterpreterNeeded = person.InterpreterNeeded;
        Bsn = person.Bsn;
        VNumber = person.VNumber;
        Touch();
    }

    public void UpdateLegalFrame(LegalFrame frame)
    {
        if (frame.PermitDate is { } permit && frame.HousingDate is { } housing && housing < permit)
        {
            throw new ArgumentException("Huisvesting kan niet vóór de verblijfsvergunning liggen.", nameof(frame));
        }
        if (frame.Postcode is not null && !Dossiers.Postcode.IsValid(frame.Postcode))
        {
            throw new ArgumentException("Ongeldige postcode.", nameof(frame));
        }
        TargetGroup = frame.TargetGroup;
        PermitDate = frame.PermitDate;
        RegistrationDate = frame.RegistrationDate;
        HousingDate = frame.HousingDate;
        Street = Clean(frame.Street);
        HouseNumber = Clean(frame.HouseNumber);
        Postcode = frame.Postcode;
        City = Clean(frame.City);
        Touch();
    }

    public void AssignCaseManager(string? userId)
    {
        CaseManagerId = userId;
        Touch();
    }

    /// <summary>"Niet nu": the right to be left alone for a while, until a date, with the reason in their words.</summary>
    public void Pause(DateOnly until, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = DossierStatus.Paused;
        ClosedOn = null;
        PausedUntil = until;
        StatusReason = reason.Trim();
        Touch();
    }

    public void Resume() => SetStatus(DossierStatus.Active, null);

    /// <summary>Whether their "niet nu" still holds today: then nothing is proposed to them and matching leaves them out.</summary>
    public bool AsksNotNow(DateOnly today) => Status == DossierStatus.Paused && PausedUntil is { } until && until >= today;

    public void MarkMovedAway(string? note, DateOnly on) => SetStatus(DossierStatus.MovedAway, note, on);

    public void Complete(string? note, DateOnly on) => SetStatus(DossierStatus.Completed, note, on);

    /// <summary>
    /// After every text of the person is cleared (<see cref="Platform.Privacy.PersonalData"/>): the dossier is named by its
    /// reference, keeps only the year of birth, and is closed, so nothing follows it any more.
    /// </summary>
    public void MarkErased(DateTimeOffset at, DateOnly today)
    {
        GivenNames = "Gewist";
        FamilyName = Reference;
        CountryOfOrigin = "—";
        DateOfBirth = new DateOnly(DateOfBirth.Year, 7, 1);
        CaseManagerId = null;
        if (Status is not (DossierStatus.Completed or DossierStatus.MovedAway))
        {
            Status = DossierStatus.Completed;
        }
        ClosedOn ??= today;
        PausedUntil = null;
        ErasedAt = at;
        Touch();
    }

    private void SetStatus(DossierStatus status, string? reason, DateOnly? on = null)
    {
        var closes = status is DossierStatus.Completed or DossierStatus.MovedAway;
        ClosedOn = closes ? ClosedOn ?? on : null;
        Status = status;
        PausedUntil = null;
        StatusReason = Clean(reason);
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class NewcomerMapping : IEntityTypeConfiguration<Newcomer>
{
    public void Configure(EntityTypeBuilder<Newcomer> builder)
    {
        builder.Property(n => n.GivenNames).HasMaxLength(200);
        builder.Property(n => n.FamilyName).HasMaxLength(200);
        builder.Property(n => n.CountryOfOrigin).HasMaxLength(100);
        builder.Property(n => n.Nationality).HasMaxLength(100);
        builder.Property(n => n.Phone).HasMaxLength(40);
        builder.Property(n => n.Email).HasMaxLength(200);
        builder.Property(n => n.PreferredLanguage).HasMaxLength(100);
        builder.Property(n => n.Bsn).HasMaxLength(9);
        builder.Property(n => n.VNumber).HasMaxLength(10);
        builder.Property(n => n.Street).HasMaxLength(200);
        builder.Property(n => n.HouseNumber).HasMaxLength(20);
        builder.Property(n => n.Postcode).HasMaxLength(7);
        builder.Property(n => n.City).HasMaxLength(100);
        builder.Property(n => n.CaseManagerId).HasMaxLength(450);
        builder.Property(n => n.StatusReason).HasMaxLength(1000);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.FullName);
        builder.Ignore(n => n.Reference);
        builder.HasIndex(n => new { n.MunicipalityId, n.ClosedOn });
        builder.HasIndex(n => new { n.MunicipalityId, n.FamilyName });
        // One dossier per person per municipality; empty numbers do not count (NULLs are distinct on both databases).
        builder.HasIndex(n => new { n.MunicipalityId, n.Bsn }).IsUnique();
        builder.HasIndex(n => new { n.MunicipalityId, n.VNumber }).IsUnique();
        builder.HasIndex(n => new { n.MunicipalityId, n.CaseManagerId });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThuisUser>().WithMany().HasForeignKey(n => n.CaseManagerId).OnDelete(DeleteBehavior.SetNull);
    }
}
