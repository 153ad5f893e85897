namespace Thuis.Web.Features.Debts;

/// <summary>
/// Debts, debt help and early signals of payment arrears (M9): a person's register of debts, the referral to debt help
/// through the ordinary referral flow, and the reports of arrears that landlords, energy and water companies and health
/// insurers send the municipality (Wet gemeentelijke schuldhulpverlening), typed in or read from a file.
/// </summary>
public static class DebtsSetup
{
    public static string DebtsPath(Guid newcomerId) => $"/dossiers/{newcomerId}/geld/schulden";

    public static string DebtPath(Guid newcomerId, Guid debtId) => $"/dossiers/{newcomerId}/geld/schulden/{debtId}";

    public static string ArrearsReportPath(Guid newcomerId, Guid reportId) => $"/dossiers/{newcomerId}/geld/vroegsignalen/{reportId}";

    public const string ImportPath = "/geld/vroegsignalen";

    /// <summary>The ordinary proposals page, showing only organisations for debt help: consent first, as every referral.</summary>
    public static string DebtHelpReferralPath(Guid newcomerId) => $"/dossiers/{newcomerId}/voorstellen?soort=schuldhulp";

    public static void AddDebts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewDebts>();
        builder.Services.AddScoped<SaveDebt>();
        builder.Services.AddScoped<DeleteDebt>();
        builder.Services.AddScoped<RecordArrears>();
        builder.Services.AddScoped<RecordArrearsOutcome>();
        builder.Services.AddScoped<ImportArrears>();
    }
}
