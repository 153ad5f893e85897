namespace Thuis.Web.Features.Dossiers;

/// <summary>The citizen service number (BSN): nine digits that pass the 11-proef.</summary>
public static class Bsn
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }
        return sum != 0 && sum % 11 == 0;
    }
}
