using Thuis.Web.Data;
using Thuis.Web.Features.Organisations;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>
/// The demo partner's keys: one its registration system uses, and an older one revoked when the link was replaced. Their
/// secrets are dropped at once; a demo of the API issues a new key on the page.
/// </summary>
internal static class DemoPartnerApi
{
    public static void AddTo(AppDbContext db, Organisation partner, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var (old, _) = PartnerApiKey.Issue(partner, "Oude koppeling (spreadsheet)", "Bea Beheer", now.AddDays(-200));
        old.Revoke("Bea Beheer", now.AddDays(-60));
        var (current, _) = PartnerApiKey.Issue(partner, $"Registratiesysteem {partner.Name}", "Bea Beheer", now.AddDays(-60));
        db.Add(old);
        db.Add(current);
        db.Entry(old).Property(k => k.LastUsedAt).CurrentValue = now.AddDays(-61);
        db.Entry(current).Property(k => k.LastUsedAt).CurrentValue = now.AddHours(-3);
    }
}
