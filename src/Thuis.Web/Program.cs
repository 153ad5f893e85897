using Thuis.Web.Components;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Admin;
using Thuis.Web.Features.AuditTrail;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Journey;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Retention;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Start;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Features.Users;
using Thuis.Web.Platform;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddOperations();
builder.AddReverseProxy();
builder.AddData();
builder.AddKeyRing();
builder.AddAuditing();
builder.AddAccounts();
builder.AddThuisLocalization();
builder.AddStart();
builder.AddDossiers();
builder.AddIntake();
builder.AddPlans();
builder.AddReferrals();
builder.AddMatching();
builder.AddJourney();
builder.AddMilestones();
builder.AddOccupations();
builder.AddTrajectories();
builder.AddInterventions();
builder.AddSocialMap();
builder.AddTransfers();
builder.AddSignals();
builder.AddAdministration();
builder.AddUsers();
builder.AddAuditTrail();
builder.AddRetention();
builder.AddReports();
builder.AddOwnThuis();
builder.AddDigiD();
builder.Services.AddRazorComponents();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.LoadInterventionCatalogueAsync();
await app.SeedDemoDataAsync();

app.UseReverseProxy();
app.UseSecurityHeaders();
app.UseFriendlyErrorPages();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseOwnStartForNewcomers();
app.UseAuthorization();
app.UseTwoFactorRequirement();
app.UseAntiforgery();
app.UseFriendlyAntiforgeryRefusal();
app.UseReadableAddresses();

app.MapStaticAssets();
app.MapOperations();
app.MapAccountEndpoints();
app.MapPasskeyOptions();
app.MapLanguageEndpoint();
app.MapSocialMapExports();
app.MapTransferExport();
app.MapReportExports();
app.MapAuditTrailExport();
app.MapOwnDataDownload();
app.MapOwnCalendar();
app.MapDigiD();
app.MapRazorComponents<App>();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
