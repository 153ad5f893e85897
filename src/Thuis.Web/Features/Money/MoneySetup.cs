namespace Thuis.Web.Features.Money;

/// <summary>A person's money (M9): ontzorgen and its hand-back, and the household budget made with them.</summary>
public static class MoneySetup
{
    public static string MoneyPath(Guid newcomerId) => $"/dossiers/{newcomerId}/geld";

    public static string NewCostPath(Guid newcomerId) => $"/dossiers/{newcomerId}/geld/ontzorgen/nieuw";

    public static string CostPath(Guid newcomerId, Guid costId) => $"/dossiers/{newcomerId}/geld/ontzorgen/{costId}";

    public static string BudgetPath(Guid newcomerId) => $"/dossiers/{newcomerId}/geld/huishoudboekje";

    public static void AddMoney(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewMoney>();
        builder.Services.AddScoped<RecordOntzorgenCost>();
        builder.Services.AddScoped<EditHouseholdBudget>();
    }
}
