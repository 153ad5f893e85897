using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.SocialMap;

/// <summary>A language a volunteer speaks, with how well.</summary>
public sealed class VolunteerLanguage
{
    public string Language { get; set; } = "";

    public CefrLevel Level { get; set; }
}

/// <summary>What describes a volunteer, as the volunteer coordinator fills it in or a CSV row holds it.</summary>
public sealed record VolunteerDetails(
    string Name, IReadOnlyList<VolunteerRole> Roles, string? Phone, string? Email, IReadOnlyList<VolunteerLanguage> Languages,
    WeekGrid Availability, int Capacity, string? Area, string? Preferences, VogStatus Vog, DateOnly? VogDate, string? Training,
    Guid? OrganisationId = null);

/// <summary>
/// A volunteer who supports newcomers: a taalmaatje, buddy, job coach, role model or home-administration helper.
/// Volunteers are people, so they belong to one municipality and every change and every view is audited.
/// </summary>
public sealed class Volunteer : IMunicipalityOwned
{
    private Volunteer() => Name = "";

    public Volunteer(Guid municipalityId, VolunteerDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Name = "";
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public string Name { get; private set; }

    public List<VolunteerRole> Roles { get; private set; } = [];

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public List<VolunteerLanguage> Languages { get; private set; } = [];

    public int AvailabilityBits { get; private set; }

    /// <summary>How many newcomers this volunteer can support at the same time.</summary>
    public int Capacity { get; private set; }

    /// <summary>The wijk, village or postcode area the volunteer works in.</summary>
    public string? Area { get; private set; }

    public string? Preferences { get; private set; }

    public VogStatus Vog { get; private set; }

    /// <summary>When the VOG was requested or, once received, its date.</summary>
    public DateOnly? VogDate { get; private set; }

    /// <summary>Trainings done, such as "basistraining taalmaatje".</summary>
    public string? Training { get; private set; }

    /// <summary>
    /// The organisation the volunteer works through, such as the volunteer centre. A newcomer's yes to this volunteer
    /// is referred there, so the organisation makes the introduction and reports how it goes.
    /// </summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public WeekGrid Availability => new(AvailabilityBits);

    /// <summary>Without a received VOG a volunteer is not yet matched with newcomers.</summary>
    public bool Deployable => Vog == VogStatus.Received;

    public void Update(VolunteerDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        ArgumentOutOfRangeException.ThrowIfNegative(details.Capacity);
        if (details.Roles.Count == 0)
        {
            throw new ArgumentException("Een vrijwilliger heeft minstens één rol.", nameof(details));
        }
        if (details.Vog != VogStatus.NotRequested && details.VogDate is null)
        {
            throw new ArgumentException("Een aangevraagde of ontvangen VOG heeft een datum.", nameof(details));
        }
        var languages = details.Languages.Where(l => !string.IsNullOrWhiteSpace(l.Language))
            .Select(l => new VolunteerLanguage { Language = l.Language.Trim(), Level = l.Level }).ToList();
        if (languages.GroupBy(l => l.Language, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"De taal {repeated.Key} staat er twee keer in.", nameof(details));
        }
        Name = details.Name.Trim();
        Roles = [.. details.Roles.Distinct().Order()];
        Phone = Clean(details.Phone);
        Email = Clean(details.Email);
        Languages = languages;
        AvailabilityBits = details.Availability.Bits;
        Capacity = details.Capacity;
        Area = Clean(details.Area);
        Preferences = Clean(details.Preferences);
        Vog = details.Vog;
        VogDate = details.Vog == VogStatus.NotRequested ? null : details.VogDate;
        Training = Clean(details.Training);
        OrganisationId = details.OrganisationId;
        Version = Guid.NewGuid();
    }

    public VolunteerDetails Details => new(Name, Roles, Phone, Email,
        [.. Languages.Select(l => new VolunteerLanguage { Language = l.Language, Level = l.Level })],
        Availability, Capacity, Area, Preferences, Vog, VogDate, Training, OrganisationId);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class VolunteerMapping : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Phone).HasMaxLength(40);
        builder.Property(v => v.Email).HasMaxLength(200);
        builder.Property(v => v.Area).HasMaxLength(200);
        builder.Property(v => v.Preferences).HasMaxLength(2000);
        builder.Property(v => v.Training).HasMaxLength(1000);
        builder.PrimitiveCollection(v => v.Roles).ElementType().HasConversion<string>();
        builder.OwnsMany(v => v.Languages, b => b.ToJson());
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.MunicipalityId, v.Name });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(v => v.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
