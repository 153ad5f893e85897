using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Costs;

/// <summary>
/// Prices in the demo, so the budget page shows what the groups cost: a price per participant per kind of group (the
/// seed's € 1.000–2.370 per trajectory), an interpreter at the first sessions of every PVT, childcare at the evening
/// course, and a budget for this year and the last with norms per route. The same in every town, every time.
/// </summary>
internal static class DemoCosts
{
    public static async Task AddToAsync(AppDbContext db, Guid municipalityId, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var groups = await db.CourseGroups.Where(g => g.MunicipalityId == municipalityId).ToListAsync();
        foreach (var group in groups)
        {
            group.SetPrices(group.Kind switch
            {
                CourseKind.Pvt => new CoursePrices(1250.00m, 65.00m, null),
                CourseKind.Map => new CoursePrices(2370.00m, 65.00m, null),
                CourseKind.LanguageCourse => new CoursePrices(950.00m, null, 45.00m),
                _ => new CoursePrices(400.00m, null, null),
            });
            var sessions = await db.Sessions.Where(s => s.GroupId == group.Id).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync();
            foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
            {
                if (group.Kind == CourseKind.Pvt && i < 4)
                {
                    session.ArrangeSupport(session.Duration.Hours is > 0 and var hours ? hours : 2, false);
                }
                else if (group.Kind == CourseKind.LanguageCourse)
                {
                    session.ArrangeSupport(null, true);
                }
            }
        }
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            db.Budgets.Add(new Budget(municipalityId, year, new BudgetDetails(
                new Dictionary<BudgetSource, decimal>
                {
                    [BudgetSource.StateContribution] = 180_000.00m,
                    [BudgetSource.SocialGuidance] = 45_000.00m,
                    [BudgetSource.OwnFunds] = 40_000.00m,
                },
                new Dictionary<CostCategory, decimal>
                {
                    [CostCategory.Lessons] = 30_000.00m,
                    [CostCategory.Pvt] = 90_000.00m,
                    [CostCategory.Map] = 60_000.00m,
                    [CostCategory.Offer] = 10_000.00m,
                    [CostCategory.Intervention] = 40_000.00m,
                    [CostCategory.Interpreter] = 15_000.00m,
                    [CostCategory.Childcare] = 10_000.00m,
                },
                new Dictionary<LearningRoute, decimal?>
                {
                    [LearningRoute.B1] = 2_370.00m,
                    [LearningRoute.Education] = 2_000.00m,
                    [LearningRoute.Z] = 1_000.00m,
                })));
        }
    }
}
