namespace Thuis.Matching;

/// <summary>
/// The best <c>k</c> offers for one person, kept as a min-heap whose root is the weakest kept offer.
/// "Better" is a higher score, and on equal scores the lower offer position (= offer id order), so the
/// result never depends on the order in which offers were scored.
/// </summary>
internal sealed class TopList
{
    private readonly float[] _scores;
    private readonly int[] _offers;
    private readonly float _floor;

    public TopList(int k, float floor)
    {
        _scores = new float[k];
        _offers = new int[k];
        _floor = floor;
        Threshold = floor;
    }

    public int Count { get; private set; }

    /// <summary>A score below this can never enter the list.</summary>
    public float Threshold { get; private set; }

    public void Offer(float score, int offer)
    {
        if (!(score >= _floor))
        {
            return;
        }

        var k = _scores.Length;
        if (Count < k)
        {
            var i = Count++;
            _scores[i] = score;
            _offers[i] = offer;
            SiftUp(i);
        }
        else if (Better(score, offer, _scores[0], _offers[0]))
        {
            _scores[0] = score;
            _offers[0] = offer;
            SiftDown(0);
        }
        else
        {
            return;
        }

        if (Count == k)
        {
            Threshold = _scores[0];
        }
    }

    /// <summary>The kept offers, best first.</summary>
    public (int Offer, float Score)[] Sorted()
    {
        var result = new (int Offer, float Score)[Count];
        SortedInto(result);
        return result;
    }

    /// <summary>The kept offers, best first, written to <paramref name="result"/> (room for <see cref="Count"/>); returns how many.</summary>
    public int SortedInto(Span<(int Offer, float Score)> result)
    {
        // One 64-bit key per entry sorts as "better first": the score's bits flipped into descending order, then the offer.
        var keys = new ulong[Count];
        for (var i = 0; i < Count; i++)
        {
            var bits = BitConverter.SingleToUInt32Bits(_scores[i] + 0f); // -0 sorts as 0
            var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
            keys[i] = ((ulong)~ascending << 32) | (uint)_offers[i];
        }

        Array.Sort(keys);
        for (var i = 0; i < Count; i++)
        {
            var ascending = ~(uint)(keys[i] >> 32);
            var bits = (ascending & 0x8000_0000u) != 0 ? ascending & 0x7FFF_FFFFu : ~ascending;
            result[i] = ((int)(uint)keys[i], BitConverter.UInt32BitsToSingle(bits));
        }

        return Count;
    }

    internal static bool Better(float score, int offer, float otherScore, int otherOffer) =>
        score > otherScore || (score == otherScore && offer < otherOffer);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_scores[parent], _offers[parent], _scores[i], _offers[i]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= Count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < Count && Better(_scores[left], _offers[left], _scores[right], _offers[right]))
            {
                worst = right;
            }

            if (!Better(_scores[i], _offers[i], _scores[worst], _offers[worst]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_offers[a], _offers[b]) = (_offers[b], _offers[a]);
    }
}
