using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Organisations;

/// <summary>What describes an organisation on the social map, as a coordinator fills it in or a CSV row holds it.</summary>
public sealed record OrganisationDetails(
    string Name, OrganisationType Type, string? Street, string? HouseNumber, string? Postcode, string? City,
    string? ContactPerson, string? Phone, string? Email, string? OpeningHours, bool ByAppointment,
    IReadOnlyList<string> Languages, IReadOnlyList<ParticipationDomain> Domains, bool IsPartner, string? Description);

/// <summary>
/// A local organisation in a municipality (VluchtelingenWerk, a club, a school, an employer).
/// Partner workers belong to one; the social map gives it its offers. Its name is its key within the municipality.
/// </summary>
public sealed class Organisation : IMunicipalityOwned
{
    private Organisation() => Name = "";

    /// <summary>An organisation known only by its name, such as the partner a user account belongs to.</summary>
    public Organisation(Guid municipalityId, string name, bool isPartner)
        : this(municipalityId, new OrganisationDetails(name, OrganisationType.Other, null, null, null, null, null, null, null, null,
            ByAppointment: false, [], [], isPartner, null))
    {
    }

    public Organisation(Guid municipalityId, OrganisationDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Name = "";
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public string Name { get; private set; }

    public OrganisationType Type { get; private set; }

    public string? Street { get; private set; }

    public string? HouseNumber { get; private set; }

    /// <summary>Stored as "1234 AB".</summary>
    public string? Postcode { get; private set; }

    public string? City { get; private set; }

    public string? ContactPerson { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? OpeningHours { get; private set; }

    /// <summary>"Op afspraak": no fixed opening hours; people make an appointment.</summary>
    public bool ByAppointment { get; private set; }

    /// <summary>Languages spoken by the people there, besides Dutch.</summary>
    public List<string> Languages { get; private set; } = [];

    /// <summary>The participation domains the organisation serves.</summary>
    public List<ParticipationDomain> Domains { get; private set; } = [];

    /// <summary>A partner organisation may receive referrals.</summary>
    public bool IsPartner { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public void Update(OrganisationDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        var postcode = string.IsNullOrWhiteSpace(details.Postcode) ? null : Dossiers.Postcode.Normalise(details.Postcode);
        if (postcode is not null && !Dossiers.Postcode.IsValid(postcode))
        {
            throw new ArgumentException("Ongeldige postcode.", nameof(details));
        }
        Name = details.Name.Trim();
        Type = details.Type;
        Street = Clean(details.Street);
        HouseNumber = Clean(details.HouseNumber);
        Postcode = postcode;
        City = Clean(details.City);
        ContactPerson = Clean(details.ContactPerson);
        Phone = Clean(details.Phone);
        Email = Clean(details.Email);
        ByAppointment = details.ByAppointment;
        OpeningHours = Clean(details.OpeningHours);
        Languages = [.. details.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        Domains = [.. details.Domains.Distinct().Order()];
        IsPartner = details.IsPartner;
        Description = Clean(details.Description);
        Version = Guid.NewGuid();
    }

    public OrganisationDetails Details => new(Name, Type, Street, HouseNumber, Postcode, City, ContactPerson, Phone, Email,
        OpeningHours, ByAppointment, Languages, Domains, IsPartner, Description);

    /// <summary>Street, number, postcode and place on one line; empty when none is known.</summary>
    public string? Address
    {
        get
        {
            var street = string.Join(' ', new[] { Street, HouseNumber }.OfType<string>());
            var place = string.Join(' ', new[] { Postcode, City }.OfType<string>());
            var address = string.Join(", ", new[] { street, place }.Where(p => p.Length > 0));
            return address.Length > 0 ? address : null;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Street).HasMaxLength(200);
        builder.Property(o => o.HouseNumber).HasMaxLength(20);
        builder.Property(o => o.Postcode).HasMaxLength(7);
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.ContactPerson).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(40);
        builder.Property(o => o.Email).HasMaxLength(200);
        builder.Property(o => o.OpeningHours).HasMaxLength(500);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.PrimitiveCollection(o => o.Languages);
        builder.PrimitiveCollection(o => o.Domains).ElementType().HasConversion<string>();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.MunicipalityId, o.Name }).IsUnique();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
