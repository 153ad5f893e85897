namespace Thuis.Web.Features.Dossiers;

public static class DossiersSetup
{
    public static void AddDossiers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListDossiers>();
        builder.Services.AddScoped<ViewDossier>();
        builder.Services.AddScoped<SearchNewcomers>();
        builder.Services.AddScoped<RegisterNewcomer>();
        builder.Services.AddScoped<EditNewcomer>();
        builder.Services.AddScoped<ChangeDossierStatus>();
        builder.Services.AddScoped<ImportNewcomers>();
    }
}
