using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;

namespace Thuis.Web.Features.Transfers;

/// <summary>
/// How each part of the broad intake travels in a transfer file: written as the part's own fields, and read back
/// through the part's <c>Update</c> method, so a received part obeys the same rules as one typed in by hand.
/// </summary>
internal sealed record IntakeTransfer(IntakePart Part, Func<AppDbContext, Guid, CancellationToken, Task<JsonObject?>> ExportAsync,
    Func<JsonObject, Guid, Guid, Func<string, string>, IntakeSection> Import)
{
    // Which newcomer and municipality a part belongs to is decided by the receiving side, never by the file.
    private static readonly string[] NotInFile = [nameof(IntakeSection.NewcomerId), nameof(IntakeSection.MunicipalityId), nameof(IntakeSection.Version)];

    /// <summary>Writes a part's stored fields and reads them into a detached copy that only serves as input for <c>Update</c>.</summary>
    private static readonly JsonSerializerOptions SectionOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OpenSection } },
    };

    public static IReadOnlyList<IntakeTransfer> All { get; } =
    [
        Of<HouseholdSection>((n, m) => new(n, m), (s, f) => s.Update(f.PartnerName, f.PartnerInNetherlands, f.Children, f.FamilyReunification, f.FamilyReunificationNote)),
        Of<LearnabilitySection>((n, m) => new(n, m), (s, f) => s.Update(f.TakenOn, f.Score, f.Outcome, f.Exempt, f.ExemptionReason)),
        Of<LanguagesSection>((n, m) => new(n, m), (s, f) => s.Update(f.Languages, f.LatinScript)),
        Of<EducationSection>((n, m) => new(n, m), (s, f) => s.Update(f.HighestLevel, f.Field, f.Years, f.Diplomas)),
        Of<WorkExperienceSection>((n, m) => new(n, m), (s, f) => s.Update(f.Jobs)),
        Of<StrengthsSection>((n, m) => new(n, m), (s, f) => s.Update(f.Talents, f.Skills, f.Hobbies, f.Interests, f.KnownFor, f.EnergisedBy)),
        Of<NetworkSection>((n, m) => new(n, m), (s, f) => s.Update(f.Contacts)),
        Of<ReciprocitySection>((n, m) => new(n, m), (s, f) => s.Update(f.Offers, f.Description)),
        Of<AspirationsSection>((n, m) => new(n, m), (s, f) => s.Update(f.ShortTerm, f.LongTerm)),
        Of<CircumstancesSection>((n, m) => new(n, m), (s, f) => s.Update(f.PhysicalHealth, f.MentalHealth, f.TraumaCare, f.CareForChildren, f.PracticalLimits)),
        Of<FinancesSection>((n, m) => new(n, m), (s, f) => s.Update(f.IncomeSource, f.HasDebts, f.DebtAmount, f.Creditors, f.DebtHelp, f.HasBankAccount, f.OntzorgenInPlace)),
        Of<InvitationsSection>((n, m) => new(n, m), (s, f) => s.Update(f.Invitations)),
    ];

    public static IntakeTransfer? Find(string slug) => All.FirstOrDefault(t => t.Part.Slug == slug);

    private static IntakeTransfer Of<TSection>(Func<Guid, Guid, TSection> create, Action<TSection, TSection> update) where TSection : IntakeSection =>
        new(IntakePart.All.Single(p => p.Section == typeof(TSection)),
            async (db, newcomerId, cancellationToken) =>
            {
                var section = await db.Set<TSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
                return section is null ? null : JsonSerializer.SerializeToNode(section, SectionOptions)!.AsObject();
            },
            (json, newcomerId, municipalityId, fromElsewhere) =>
            {
                var fromFile = JsonSerializer.Deserialize<TSection>(json, SectionOptions)
                    ?? throw new JsonException("Een onderdeel van de intake is leeg.");
                var section = create(newcomerId, municipalityId);
                update(section, fromFile);
                if (string.IsNullOrWhiteSpace(fromFile.RecordedBy))
                {
                    throw new ArgumentException("Bij een onderdeel van de intake ontbreekt wie het heeft ingevuld.", nameof(json));
                }
                // Who filled in the part, and when, travels along (as a moment in UTC, as Thuis stores them), so the receiving case manager sees it came from the previous municipality.
                // A part the person wrote themselves says so ("Amina zelf") in the receiving municipality too.
                section.MarkRecorded(fromElsewhere(IntakeSection.RecordedByText(fromFile.RecordedBy, fromFile.RecordedByNewcomer)), fromFile.RecordedAt.ToUniversalTime());
                return section;
            });

    /// <summary>A part's fields with private setters can be read into the detached copy; derived values are not written.</summary>
    private static void OpenSection(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IntakeSection).IsAssignableFrom(info.Type))
        {
            return;
        }
        foreach (var property in info.Properties.ToList())
        {
            var member = property.AttributeProvider as PropertyInfo;
            var setter = member?.GetSetMethod(nonPublic: true);
            if (member is null || setter is null)
            {
                info.Properties.Remove(property);
                continue;
            }
            if (NotInFile.Contains(member.Name))
            {
                property.ShouldSerialize = (_, _) => false;
            }
            property.Set ??= (target, value) => setter.Invoke(target, [value]);
        }
    }
}
