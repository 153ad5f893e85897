using System.Text;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Features.Occupations;

/// <summary>
/// The ESCO occupations that ship with Thuis (embedded CSV, read once on first use), searchable by
/// case managers in Dutch and English.
/// </summary>
public sealed class OccupationCatalogue
{
    private const string OccupationsHeader = "uri,isco_group,label_nl,label_en,alt_labels_nl,alt_labels_en";
    private const string IscoGroupsHeader = "code,label_en";

    private readonly Lazy<Contents> _contents;

    public OccupationCatalogue()
        : this(() => OpenResource("occupations.csv"), () => OpenResource("isco_groups.csv"))
    {
    }

    internal OccupationCatalogue(Func<TextReader> occupations, Func<TextReader> iscoGroups) =>
        _contents = new Lazy<Contents>(() => Load(occupations, iscoGroups));

    public IReadOnlyList<Occupation> Occupations => _contents.Value.Occupations;

    /// <summary>
    /// The occupations whose labels contain every word of the query, best first: an exact preferred label,
    /// a preferred label that starts with the query, a word in a preferred label that does, an alternative
    /// label that matches, a label that merely contains the query, and last the words found apart.
    /// </summary>
    public IReadOnlyList<OccupationMatch> Search(string? query, int limit = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var phrase = SearchText.Normalise(query ?? "");
        if (phrase.Length < 2)
        {
            return [];
        }
        var words = phrase.Split(' ');
        var hits = new List<Hit>();
        foreach (var entry in _contents.Value.Entries)
        {
            if (BestHit(entry, phrase, words) is { } hit)
            {
                hits.Add(hit);
            }
        }
        hits.Sort();
        return [.. hits.Take(limit).Select(h =>
            new OccupationMatch(h.Entry.Occupation, h.Label.IsPreferred ? null : h.Label.Text))];
    }

    public Occupation? Find(string uri) => _contents.Value.ByUri.GetValueOrDefault(uri);

    /// <summary>The occupation with this URI or this Dutch preferred label (letter case and accents aside), or null.</summary>
    public Occupation? FindByLabelOrUri(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Find(text.Trim()) is { } byUri)
        {
            return byUri;
        }
        var label = SearchText.Normalise(text);
        return _contents.Value.Occupations.FirstOrDefault(o => SearchText.Normalise(o.LabelNl) == label);
    }

    public string? IscoGroupLabel(string code) => _contents.Value.IscoLabels.GetValueOrDefault(code);

    /// <summary>The group and the broader groups it belongs to, broadest first: 2, 21, 216, 2166.</summary>
    public IReadOnlyList<IscoEntry> IscoGroupAndParents(string code)
    {
        var labels = _contents.Value.IscoLabels;
        var entries = new List<IscoEntry>(code.Length);
        for (var length = 1; length <= code.Length; length++)
        {
            var prefix = code[..length];
            if (labels.TryGetValue(prefix, out var label))
            {
                entries.Add(new IscoEntry(prefix, label));
            }
        }
        return entries;
    }

    private static Hit? BestHit(Entry entry, string phrase, string[] words)
    {
        Hit? best = null;
        foreach (var label in entry.Labels)
        {
            if (RankOf(label, phrase, words) is { } rank)
            {
                var hit = new Hit(entry, label, rank);
                if (best is null || hit.CompareTo(best) < 0)
                {
                    best = hit;
                }
            }
        }
        if (best is null && words.Length > 1 && words.All(w => entry.Labels.Any(l => l.Normalised.Contains(w, StringComparison.Ordinal))))
        {
            best = new Hit(entry, entry.Labels[0], Rank.AllWordsAcrossLabels);
        }
        return best;
    }

    private static Rank? RankOf(Label label, string phrase, string[] words)
    {
        var text = label.Normalised;
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            return words.Length > 1 && words.All(w => text.Contains(w, StringComparison.Ordinal))
                ? Rank.AllWordsInOneLabel
                : null;
        }
        if (at == 0 && text.Length == phrase.Length)
        {
            return label.IsPreferred ? Rank.ExactPreferred : Rank.ExactAlternative;
        }
        if (at == 0)
        {
            return label.IsPreferred ? Rank.PreferredStartsWith : Rank.AlternativeStartsWith;
        }
        for (; at > 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(text[at - 1]))
            {
                return label.IsPreferred ? Rank.PreferredWordStartsWith : Rank.AlternativeWordStartsWith;
            }
        }
        return label.IsPreferred ? Rank.PreferredContains : Rank.AlternativeContains;
    }

    private static StreamReader OpenResource(string fileName)
    {
        var name = $"{typeof(OccupationCatalogue).Namespace}.Data.{fileName}";
        var stream = typeof(OccupationCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        return new StreamReader(stream, Encoding.UTF8);
    }

    private static Contents Load(Func<TextReader> openOccupations, Func<TextReader> openIscoGroups)
    {
        var iscoLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = openIscoGroups())
        {
            foreach (var record in ReadTable(reader, IscoGroupsHeader))
            {
                iscoLabels.Add(record[0], SearchText.Tidy(record[1]));
            }
        }

        var entries = new List<Entry>();
        using (var reader = openOccupations())
        {
            foreach (var record in ReadTable(reader, OccupationsHeader))
            {
                var labelNl = SearchText.Tidy(record[2]);
                var labelEn = SearchText.Tidy(record[3]);
                var seen = new HashSet<string>(StringComparer.Ordinal)
                {
                    SearchText.Normalise(labelNl),
                    SearchText.Normalise(labelEn),
                };
                var occupation = new Occupation(
                    record[0], record[1], labelNl, labelEn, AlternativeLabels(record[4], seen), AlternativeLabels(record[5], seen));
                Label[] labels =
                [
                    new(labelNl, SearchText.Normalise(labelNl), IsPreferred: true),
                    new(labelEn, SearchText.Normalise(labelEn), IsPreferred: true),
                    .. occupation.AlternativeLabelsNl.Concat(occupation.AlternativeLabelsEn)
                        .Select(a => new Label(a, SearchText.Normalise(a), IsPreferred: false)),
                ];
                entries.Add(new Entry(occupation, labels));
            }
        }
        return new Contents(entries, iscoLabels);
    }

    private static IEnumerable<string[]> ReadTable(TextReader reader, string header)
    {
        var columns = 0;
        var line = 0;
        foreach (var record in CsvText.ReadRecords(reader))
        {
            line++;
            if (line == 1)
            {
                if (string.Join(',', record) != header)
                {
                    throw new InvalidDataException($"Expected the header {header}, found {string.Join(',', record)}.");
                }
                columns = record.Length;
                continue;
            }
            if (record.Length != columns)
            {
                throw new InvalidDataException($"Record {line} has {record.Length} fields instead of {columns}.");
            }
            yield return record;
        }
    }

    /// <summary>Splits ESCO's "|"-separated labels, dropping any that repeat a label already given.</summary>
    private static IReadOnlyList<string> AlternativeLabels(string field, HashSet<string> seen) =>
        [.. field.Split('|').Select(SearchText.Tidy).Where(a => a.Length > 0 && seen.Add(SearchText.Normalise(a)))];

    private enum Rank
    {
        ExactPreferred,
        PreferredStartsWith,
        PreferredWordStartsWith,
        ExactAlternative,
        AlternativeStartsWith,
        AlternativeWordStartsWith,
        PreferredContains,
        AlternativeContains,
        AllWordsInOneLabel,
        AllWordsAcrossLabels,
    }

    private sealed record Label(string Text, string Normalised, bool IsPreferred);

    private sealed record Entry(Occupation Occupation, Label[] Labels);

    private sealed record Hit(Entry Entry, Label Label, Rank Rank) : IComparable<Hit>
    {
        public int CompareTo(Hit? other)
        {
            if (other is null)
            {
                return -1;
            }
            var order = Rank.CompareTo(other.Rank);
            if (order == 0)
            {
                order = Label.Normalised.Length.CompareTo(other.Label.Normalised.Length);
            }
            if (order == 0)
            {
                order = string.CompareOrdinal(Label.Normalised, other.Label.Normalised);
            }
            if (order == 0)
            {
                order = string.CompareOrdinal(Entry.Labels[0].Normalised, other.Entry.Labels[0].Normalised);
            }
            return order != 0 ? order : string.CompareOrdinal(Entry.Occupation.Uri, other.Entry.Occupation.Uri);
        }
    }

    private sealed class Contents(List<Entry> entries, Dictionary<string, string> iscoLabels)
    {
        public List<Entry> Entries { get; } = entries;
        public IReadOnlyList<Occupation> Occupations { get; } = [.. entries.Select(e => e.Occupation)];
        public Dictionary<string, string> IscoLabels { get; } = iscoLabels;
        public Dictionary<string, Occupation> ByUri { get; } = entries.ToDictionary(e => e.Occupation.Uri, e => e.Occupation, StringComparer.Ordinal);
    }
}
