using Thuis.Matching;

namespace Thuis.Bench;

/// <summary>How many blocks of sixteen offers a per-block upper bound would leave to score exactly, per offer order.</summary>
internal static class PruneStudy
{
    public static void Run(int k)
    {
        const int Features = 32;
        var offers = Workload.Offers(2_000, Features);
        var raw = Workload.People(2_000, Features);
        var orders = new (string Name, Func<IEnumerable<Offer>, IEnumerable<Offer>> Order)[]
        {
            ("as generated", o => o),
            ("first tag", o => o.OrderBy(x => x.Tags.Min(StringComparer.Ordinal), StringComparer.Ordinal)),
            ("tag set", o => o.OrderBy(x => string.Join(",", x.Tags.Order(StringComparer.Ordinal)), StringComparer.Ordinal)),
            ("first tag, west to east", o => o.OrderBy(x => x.Tags.Min(StringComparer.Ordinal), StringComparer.Ordinal).ThenBy(x => x.Location?.Longitude ?? 0)),
            ("kind, tag set", o => o.OrderBy(x => x.Kind).ThenBy(x => string.Join(",", x.Tags.Order(StringComparer.Ordinal)), StringComparer.Ordinal)),
        };
        foreach (var (name, order) in orders)
        {
            var index = MatchingIndex.Build(order(offers).Select((o, i) => o with { Id = $"o{i:00000}" }).ToList());
            long needed = 0, blocks = 0;
            var buffer = new float[index.Padded];
            foreach (var person in raw)
            {
                var p = PreparedPerson.Create(person, index);
                if (person.NotNow)
                {
                    continue;
                }

                Kernels512.Rest(index, p, buffer);
                Kernels512.TagsOneSparse(index, p, buffer);
                var sorted = buffer.Where(float.IsFinite).OrderDescending().ToArray();
                var threshold = sorted.Length >= k ? sorted[k - 1] : float.NegativeInfinity;
                for (var b = 0; b < index.Blocks; b++)
                {
                    blocks++;
                    if (Bound(index, p, b) >= threshold)
                    {
                        needed++;
                    }
                }
            }

            Console.WriteLine($"k={k} {name}: {needed * 100.0 / blocks:0.0} % of blocks above the bound");
        }
    }

    private static float Bound(MatchingIndex ix, PreparedPerson p, int b)
    {
        var w = ix.Weights;
        float row = float.NegativeInfinity, distance = float.NegativeInfinity;
        uint tags = 0;
        var language = false;
        var occupation = 0f;
        for (var j = b * 16; j < (b + 1) * 16; j++)
        {
            row = Math.Max(row, p.StaticRow[j]);
            if (j >= ix.Count)
            {
                continue;
            }

            language |= ((p.LanguageLow & ix.LanguageLow[j]) | (p.LanguageHigh & ix.LanguageHigh[j])) != 0;
            foreach (var code in p.Isco)
            {
                occupation = Math.Max(occupation, ix.Isco[j] == code ? w.Occupation : 0);
            }

            foreach (var group in p.IscoGroup)
            {
                occupation = Math.Max(occupation, ix.IscoGroup[j] == group ? w.Occupation * 0.5f : 0);
            }

            var dx = ix.X[j] - p.X;
            var dy = ix.Y[j] - p.Y;
            distance = Math.Max(distance, Math.Max(w.Distance - (MathF.Sqrt((dx * dx) + (dy * dy)) * ix.DistancePerKm), -w.Distance) * ix.Located[j] * p.Located);
            tags |= (uint)ix.TagMask[j];
        }

        var tagBound = 0f;
        for (var f = 0; f < ix.FeatureCount; f++)
        {
            if ((tags & (1u << f)) != 0)
            {
                tagBound += Math.Max(0, p.Features[f]);
            }
        }

        return row + (language ? w.SharedLanguage : 0) + occupation + distance + tagBound;
    }
}
