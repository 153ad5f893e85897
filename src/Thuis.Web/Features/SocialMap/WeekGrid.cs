using System.Globalization;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// Which parts of which weekdays something happens or someone is free: seven days of three parts, kept as
/// one number (bit = day × 3 + part, Monday first) so it stores in one column and compares cheaply.
/// </summary>
public readonly record struct WeekGrid(int Bits)
{
    public static IReadOnlyList<DayOfWeek> Days { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<PartOfDay> Parts { get; } = Enum.GetValues<PartOfDay>();

    public const int AllBits = (1 << 21) - 1;

    public static WeekGrid Empty => new(0);

    public bool IsEmpty => Bits == 0;

    public bool Has(DayOfWeek day, PartOfDay part) => (Bits & Bit(day, part)) != 0;

    public bool OnDay(DayOfWeek day)
    {
        var grid = this;
        return Parts.Any(p => grid.Has(day, p));
    }

    public WeekGrid With(DayOfWeek day, PartOfDay part) => new(Bits | Bit(day, part));

    public IEnumerable<(DayOfWeek Day, PartOfDay Part)> Slots
    {
        get
        {
            var grid = this;
            return from day in Days from part in Parts where grid.Has(day, part) select (day, part);
        }
    }

    /// <summary>"ma ochtend, wo middag": short and readable, and read back by <see cref="TryParse"/>.</summary>
    public override string ToString() => string.Join(", ", Slots.Select(s => $"{ShortDay(s.Day)} {s.Part.Dutch()}"));

    /// <summary>Reads "ma ochtend, wo-middag; za avond"; a day without a part means the whole day.</summary>
    public static bool TryParse(string? text, out WeekGrid grid, out string? error)
    {
        grid = Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var item in text.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = item.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            var day = Days.Cast<DayOfWeek?>().FirstOrDefault(d => Matches(d!.Value, words[0]));
            if (day is null)
            {
                error = $"‘{item}’ is geen dagdeel: schrijf bijvoorbeeld ‘ma ochtend’ of ‘wo middag’.";
                return false;
            }
            if (words.Length == 1)
            {
                grid = Parts.Aggregate(grid, (g, p) => g.With(day.Value, p));
                continue;
            }
            var part = SocialMapTexts.FromDutch<PartOfDay>(words[1], p => p.Dutch());
            if (part is null || words.Length > 2)
            {
                error = $"‘{item}’ is geen dagdeel: gebruik ochtend, middag of avond.";
                return false;
            }
            grid = grid.With(day.Value, part.Value);
        }
        return true;
    }

    public static string DayName(DayOfWeek day) => CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetDayName(day);

    public static string ShortDay(DayOfWeek day) => DayName(day)[..2];

    /// <summary>The key of a day part in a form's dictionary of ticked boxes.</summary>
    public static string Key(DayOfWeek day, PartOfDay part) => $"{day}-{part}";

    public static WeekGrid FromChoices(IReadOnlyDictionary<string, bool> choices) =>
        (from day in Days from part in Parts where choices.GetValueOrDefault(Key(day, part)) select (day, part))
        .Aggregate(Empty, (g, s) => g.With(s.day, s.part));

    public Dictionary<string, bool> ToChoices() => Slots.ToDictionary(s => Key(s.Day, s.Part), _ => true);

    private static int Bit(DayOfWeek day, PartOfDay part) => 1 << ((((int)day + 6) % 7 * 3) + (int)part);

    private static bool Matches(DayOfWeek day, string word) =>
        string.Equals(word, DayName(day), StringComparison.OrdinalIgnoreCase)
        || string.Equals(word, ShortDay(day), StringComparison.OrdinalIgnoreCase);
}
