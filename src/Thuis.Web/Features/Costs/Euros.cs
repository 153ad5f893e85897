using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Thuis.Web.Features.Costs;

/// <summary>
/// Amounts of money in euro, exact in <see cref="decimal"/>: whole cents, never negative, and the one rounding rule of
/// decision 0034 (to the cent, half a cent away from zero) for every amount divided.
/// </summary>
public static class Euros
{
    /// <summary>To whole cents, half a cent away from zero: € 1.000,00 / 3 is € 333,33 and € 0,005 is € 0,01.</summary>
    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>An amount shared by a number of people, rounded to the cent; none when there is nobody to share it.</summary>
    public static decimal? PerHead(decimal total, int people) => people > 0 ? Cents(total / people) : null;

    /// <summary>Why this amount cannot be a price or budget line (negative, parts of cents, above the maximum); null when it can.</summary>
    public static string? Refusal(decimal? amount, decimal maximum) => amount switch
    {
        null => null,
        < 0 => "Een bedrag kan niet negatief zijn; vul 0 in of laat het leeg.",
        { } a when !Platform.Localization.DutchFormat.IsWholeCents(a) => "Vul een bedrag in hele centen in, met hoogstens twee cijfers achter de komma.",
        { } a when a > maximum => $"Een bedrag is hier hoogstens {Platform.Localization.DutchFormat.Euro(maximum)}.",
        _ => null,
    };

    /// <summary>Adds the refusal of an amount to a handler's errors under the field's name.</summary>
    public static void Check(IDictionary<string, string> errors, string field, decimal? amount, decimal maximum)
    {
        if (Refusal(amount, maximum) is { } refusal)
        {
            errors[field] = refusal;
        }
    }

    /// <summary>An amount for a file: a dot, two decimals, the way a spreadsheet reads it.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>An amount in euro on a form: not negative, whole cents, at most <see cref="Maximum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EuroAttribute(double maximum) : ValidationAttribute
{
    public decimal Maximum { get; } = (decimal)maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Euros.Refusal(value as decimal?, Maximum) is { } refusal
            ? new ValidationResult(refusal, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
