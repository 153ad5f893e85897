using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Interventions;

/// <summary>One entry of the shipped catalogue file (Data/interventies.json), keyed by a stable key.</summary>
public sealed record InterventionSeedEntry(
    string Key, string Name, string Summary, string? Goal, string? Approach, string? WorkingElements, string? Preconditions,
    IReadOnlyList<ParticipationDomain> Domains, int? MinAge, int? MaxAge, TargetGender Gender, CefrLevel MinimumDutch,
    bool SuitsNonLiterate, bool ForParents, bool ForOver50, bool ForYoungPeople,
    RecognitionLevel Recognition, DateOnly? AssessedOn, int? ValidYears,
    bool WellDescribed, bool RunningForYears, bool HasHandbook, bool ProcessEvaluated,
    string? Owner, decimal? CostPerParticipant, string? Duration, string? SourceUrl, bool IsExample)
{
    public InterventionDetails ToDetails() => new(
        Name, Summary, Goal, Approach, WorkingElements, Preconditions, Domains,
        new InterventionTargetGroup(MinAge, MaxAge, Gender, MinimumDutch, SuitsNonLiterate, ForParents, ForOver50, ForYoungPeople),
        new Recognition(Recognition, AssessedOn, ValidYears),
        new InclusionCriteria(WellDescribed, RunningForYears, HasHandbook, ProcessEvaluated),
        Owner, CostPerParticipant, Duration, SourceUrl, IsExample);

    /// <summary>A fingerprint of the entry's content, to notice when the shipped file changed it.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, InterventionSeedFile.Options))));
}

public static class InterventionSeedFile
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The catalogue that ships with Thuis, embedded in the assembly.</summary>
    public static IReadOnlyList<InterventionSeedEntry> Shipped()
    {
        var name = $"{typeof(InterventionSeedFile).Namespace}.Data.interventies.json";
        using var stream = typeof(InterventionSeedFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        return Read(stream);
    }

    public static IReadOnlyList<InterventionSeedEntry> Read(Stream json)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, Options) ?? throw new InvalidDataException("The intervention file is empty.");
        var repeated = file.Interventions.GroupBy(i => i.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidDataException($"The key {repeated.Key} occurs twice in the intervention file.");
        }
        return file.Interventions;
    }

    private sealed record SeedFile(string Note, IReadOnlyList<InterventionSeedEntry> Interventions);
}

/// <summary>
/// Brings the shared catalogue in line with the shipped file at every start, on every environment: a new key is
/// added, an entry whose content changed in the file is updated, an unchanged one is left as it is, so an
/// administrator's edit stays until the file itself changes that entry. Running it twice changes nothing.
/// </summary>
public sealed class LoadInterventionCatalogue(AppDbContext db)
{
    /// <summary>Applies the entries; returns how many were added or updated.</summary>
    public async Task<int> HandleAsync(IReadOnlyList<InterventionSeedEntry> entries, CancellationToken cancellationToken)
    {
        var keys = entries.Select(e => e.Key).ToList();
        var existing = await db.Interventions.Where(i => i.SeedKey != null && keys.Contains(i.SeedKey))
            .ToDictionaryAsync(i => i.SeedKey!, StringComparer.Ordinal, cancellationToken);
        var changed = 0;
        foreach (var entry in entries)
        {
            var hash = entry.Hash();
            if (!existing.TryGetValue(entry.Key, out var intervention))
            {
                intervention = new Intervention(null, entry.ToDetails(), entry.Key);
                intervention.ApplySeed(entry.ToDetails(), hash);
                db.Interventions.Add(intervention);
                changed++;
            }
            else if (intervention.SeedHash != hash)
            {
                intervention.ApplySeed(entry.ToDetails(), hash);
                changed++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
