namespace Thuis.Web.Features.Referrals;

public static class ReferralsSetup
{
    public static void AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProposeToNewcomer>();
        builder.Services.AddScoped<ViewProposals>();
        builder.Services.AddScoped<RecordNewcomerAnswer>();
        builder.Services.AddScoped<RecordArrangement>();
        builder.Services.AddScoped<ReferNewcomer>();
        builder.Services.AddScoped<ViewReferral>();
        builder.Services.AddScoped<HandleReferral>();
        builder.Services.AddScoped<ListReferrals>();
    }
}
