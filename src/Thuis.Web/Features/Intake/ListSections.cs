using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;

namespace Thuis.Web.Features.Intake;

public sealed class Child
{
    public string Name { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>School, day care (kinderopvang) or "nog geen plek".</summary>
    public string? SchoolOrDayCare { get; set; }
    /// <summary>Whether the parents were told about voor- en vroegschoolse educatie (VVE).</summary>
    public bool VveInformationGiven { get; set; }
}

/// <summary>Partner, children and family reunification (nareis).</summary>
public sealed class HouseholdSection : IntakeSection
{
    private HouseholdSection() { }

    public HouseholdSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public string? PartnerName { get; private set; }
    public bool PartnerInNetherlands { get; private set; }
    public List<Child> Children { get; private set; } = [];
    public FamilyReunificationStatus FamilyReunification { get; private set; }
    public string? FamilyReunificationNote { get; private set; }

    public void Update(string? partnerName, bool partnerInNetherlands, IEnumerable<Child> children, FamilyReunificationStatus reunification, string? reunificationNote)
    {
        PartnerName = Clean(partnerName);
        PartnerInNetherlands = PartnerName is not null && partnerInNetherlands;
        Children = children.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        FamilyReunification = reunification;
        FamilyReunificationNote = Clean(reunificationNote);
    }
}

public sealed class LanguageSkill
{
    public string Language { get; set; } = "";
    public bool MotherTongue { get; set; }
    public CefrLevel Listening { get; set; }
    public CefrLevel Reading { get; set; }
    public CefrLevel Speaking { get; set; }
    public CefrLevel Writing { get; set; }
}

public sealed class LanguagesSection : IntakeSection
{
    private LanguagesSection() { }

    public LanguagesSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public List<LanguageSkill> Languages { get; private set; } = [];
    public Literacy LatinScript { get; private set; }

    public void Update(IEnumerable<LanguageSkill> languages, Literacy latinScript)
    {
        var kept = Kept(languages);
        if (Repeated(kept) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(languages));
        }
        Languages = kept;
        LatinScript = latinScript;
    }

    /// <summary>Why these languages cannot be recorded (one of them twice), in the user's words; null when they can.</summary>
    public static string? Repeated(IEnumerable<LanguageSkill> languages) =>
        Kept(languages).GroupBy(l => l.Language.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated
            ? $"De taal {repeated.Key} staat er twee keer in."
            : null;

    private static List<LanguageSkill> Kept(IEnumerable<LanguageSkill> languages) => [.. languages.Where(l => !string.IsNullOrWhiteSpace(l.Language))];
}

public sealed class Job
{
    /// <summary>The ESCO occupation URI; empty when no ESCO occupation fits.</summary>
    public string? EscoUri { get; set; }
    public string Title { get; set; } = "";
    public int? Years { get; set; }
    public string? Role { get; set; }
    public string? Notes { get; set; }

    /// <summary>For a regulated profession (leraar, verpleegkundige, advocaat, …): how far the recognition of the qualification is.</summary>
    public RecognitionStatus Recognition { get; set; }
}

public sealed class WorkExperienceSection : IntakeSection
{
    private WorkExperienceSection() { }

    public WorkExperienceSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public List<Job> Jobs { get; private set; } = [];

    public void Update(IEnumerable<Job> jobs) => Jobs = jobs.Where(j => !string.IsNullOrWhiteSpace(j.Title)).ToList();
}

public sealed class Contact
{
    /// <summary>A name or a description ("zijn neef", "de voetbalclub").</summary>
    public string Who { get; set; } = "";
    public RelationKind Relation { get; set; }
    public string? Place { get; set; }
}

/// <summary>Informeel netwerk: the people and groups someone already knows here.</summary>
public sealed class NetworkSection : IntakeSection
{
    private NetworkSection() { }

    public NetworkSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public List<Contact> Contacts { get; private set; } = [];

    public void Update(IEnumerable<Contact> contacts) => Contacts = contacts.Where(c => !string.IsNullOrWhiteSpace(c.Who)).ToList();
}

public sealed class Invitation
{
    public DateOnly Date { get; set; }
    public InvitationOutcome Outcome { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Invitations to the intake and the legal escalation when someone does not come: a second invitation
/// with a warning, then a €250 fine with a third invitation, then another €250 and the plan is set anyway.
/// The escalation follows what happened: once the person came, it ends; fines already incurred stay due.
/// </summary>
public sealed class InvitationsSection : IntakeSection
{
    public const decimal FineAmount = 250m;

    private InvitationsSection() { }

    public InvitationsSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public List<Invitation> Invitations { get; private set; } = [];

    public void Update(IEnumerable<Invitation> invitations) =>
        Invitations = invitations.Where(i => i.Date != default).OrderBy(i => i.Date).ToList();

    /// <summary>The no-shows since the person last came: an attended invitation ends the escalation.</summary>
    public int NoShows => Escalations[^1];

    /// <summary>The day the intake last took place, if it did.</summary>
    public DateOnly? AttendedOn => Invitations.LastOrDefault(i => i.Outcome == InvitationOutcome.Attended)?.Date;

    /// <summary>What the law says comes next, given what happened so far.</summary>
    public string NextStep => NoShows switch
    {
        0 when AttendedOn is { } attended => $"Verschenen op {Platform.Localization.DutchFormat.Date(attended)}: de intake heeft plaatsgevonden, er volgt geen verzuimstap meer.",
        0 => "Geen verzuim.",
        1 => "Tweede uitnodiging sturen, met een waarschuwing.",
        2 => $"Boete van € {FineAmount:0} opleggen en een derde uitnodiging sturen.",
        _ => $"Nogmaals een boete van € {FineAmount:0}; het PIP wordt zonder gesprek vastgesteld.",
    };

    /// <summary>The fines incurred: after the second and the third no-show of each escalation, also one that ended later.</summary>
    public decimal FinesDue => Escalations.Sum(noShows => Math.Max(0, Math.Min(noShows, 3) - 1)) * FineAmount;

    /// <summary>The no-shows of each escalation, oldest first; each attended invitation closes one and starts the next.</summary>
    private List<int> Escalations
    {
        get
        {
            var runs = new List<int> { 0 };
            foreach (var invitation in Invitations)
            {
                if (invitation.Outcome == InvitationOutcome.Attended)
                {
                    runs.Add(0);
                }
                else if (invitation.Outcome == InvitationOutcome.NoShow)
                {
                    runs[^1]++;
                }
            }
            return runs;
        }
    }
}

internal sealed class ListSectionMappings :
    IEntityTypeConfiguration<HouseholdSection>, IEntityTypeConfiguration<LanguagesSection>, IEntityTypeConfiguration<WorkExperienceSection>,
    IEntityTypeConfiguration<NetworkSection>, IEntityTypeConfiguration<InvitationsSection>
{
    public void Configure(EntityTypeBuilder<HouseholdSection> builder)
    {
        builder.MapSection("IntakeHousehold");
        builder.Property(s => s.PartnerName).HasMaxLength(200);
        builder.Property(s => s.FamilyReunificationNote).HasMaxLength(4000);
        builder.OwnsMany(s => s.Children, b => b.ToJson());
    }

    public void Configure(EntityTypeBuilder<LanguagesSection> builder)
    {
        builder.MapSection("IntakeLanguages");
        builder.OwnsMany(s => s.Languages, b => b.ToJson());
    }

    public void Configure(EntityTypeBuilder<WorkExperienceSection> builder)
    {
        builder.MapSection("IntakeWorkExperience");
        builder.OwnsMany(s => s.Jobs, b => b.ToJson());
    }

    public void Configure(EntityTypeBuilder<NetworkSection> builder)
    {
        builder.MapSection("IntakeNetwork");
        builder.OwnsMany(s => s.Contacts, b => b.ToJson());
    }

    public void Configure(EntityTypeBuilder<InvitationsSection> builder)
    {
        builder.MapSection("IntakeInvitations");
        builder.OwnsMany(s => s.Invitations, b => b.ToJson());
        builder.Ignore(s => s.NoShows);
        builder.Ignore(s => s.NextStep);
        builder.Ignore(s => s.FinesDue);
        builder.Ignore(s => s.AttendedOn);
    }
}
