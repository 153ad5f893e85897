using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;
using Thuis.Web.Platform.Tenancy;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>Every kind of record says whose data it is, so no change slips past signals and caches.</summary>
[Collection(AppCollection.Name)]
public sealed class DataChangeTests(AppFixture fixture)
{
    /// <summary>Municipality-owned records that hold nobody's personal data, and why.</summary>
    private static readonly Dictionary<Type, string> NobodysData = new()
    {
        [typeof(Organisation)] = "een organisatie op de sociale kaart",
        [typeof(Volunteer)] = "een vrijwilliger, geen statushouder",
        [typeof(InterventionAvailability)] = "waar een interventie hier loopt",
        [typeof(CohortRun)] = "de instellingen van een koppelronde; de koppelvoorstellen zelf zijn persoonsgegevens",
        [typeof(AuditEntry)] = "de audittrail zelf",
        [typeof(Thuis.Web.Features.Transfers.TransferKey)] = "de sleutel waarmee de gemeente overdrachtsbestanden ondertekent",
        [typeof(Thuis.Web.Features.Transfers.RegisteredTransferKey)] = "de openbare sleutel van een andere gemeente",
        [typeof(Thuis.Web.Features.Users.StaffInvitation)] = "de uitnodiging van een medewerker, geen statushouder",
        [typeof(Thuis.Web.Features.Community.ActivityVolunteer)] = "een vrijwilliger die bij een draagvlakactiviteit helpt, geen statushouder",
        [typeof(Thuis.Web.Features.Costs.Budget)] = "de begroting van de gemeente per jaar, met de normen per leerroute; geen persoonsgegevens",
        [typeof(Thuis.Web.Features.Retention.Erasure)] = "het verslag van een wissing; noemt het dossier alleen met zijn id, dat na het wissen niemand meer aanwijst",
        [typeof(Thuis.Web.Features.PartnerApi.PartnerApiKey)] = "de API-sleutel van een partnerorganisatie, alleen als afdruk bewaard",
    };

    [Fact]
    public void Every_municipality_owned_record_says_whose_data_it_is()
    {
        using var scope = fixture.App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var undeclared = new List<string>();
        foreach (var type in model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IMunicipalityOwned).IsAssignableFrom(t)).Distinct())
        {
            var declared = new[] { typeof(IPersonData), typeof(ISharedByPeople), typeof(IMunicipalitySetting) }.Count(i => i.IsAssignableFrom(type));
            if (declared + (NobodysData.ContainsKey(type) ? 1 : 0) != 1)
            {
                undeclared.Add(type.Name);
            }
        }
        Assert.Empty(undeclared);
        Assert.All(NobodysData.Keys, t => Assert.Contains(t, model.GetEntityTypes().Select(e => e.ClrType)));
    }

    [Fact]
    public async Task Saves_in_one_transaction_are_told_once_after_the_commit_and_not_at_all_when_it_rolls_back()
    {
        var told = new List<DataChange>();
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddScoped<IDataChangeSubscriber>(_ => new Recorder(told)) };
        var world = await TestWorld.SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var first = People.Newcomer(world.A.Id, "Eerste", "Transactie", new DateOnly(1990, 1, 1));
        var second = People.Newcomer(world.A.Id, "Tweede", "Transactie", new DateOnly(1990, 1, 2));
        told.Clear();

        await db.AllOrNothingAsync(async () =>
        {
            db.Newcomers.Add(first);
            await db.SaveChangesAsync();
            Assert.Empty(told);
            db.Newcomers.Add(second);
            await db.SaveChangesAsync();
            return (0, true);
        }, CancellationToken.None);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), told.Where(c => !c.OnlyOf(typeof(Thuis.Web.Features.Signals.Signal))).SelectMany(c => c.People).Order());

        told.Clear();
        var third = People.Newcomer(world.A.Id, "Derde", "Transactie", new DateOnly(1990, 1, 3));
        await db.AllOrNothingAsync(async () =>
        {
            db.Newcomers.Add(third);
            await db.SaveChangesAsync();
            return (0, false);
        }, CancellationToken.None);
        Assert.Empty(told);
        db.ChangeTracker.Clear();
        Assert.False(await db.Newcomers.AnyAsync(n => n.Id == third.Id));

        // A transaction committed by hand would leave the change untold: it is refused and nothing is saved.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Newcomers.Add(People.Newcomer(world.A.Id, "Vierde", "Transactie", new DateOnly(1990, 1, 4)));
            await db.SaveChangesAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync());
        }
        db.ChangeTracker.Clear();
        Assert.False(await db.Newcomers.AnyAsync(n => n.FamilyName == "Transactie" && n.GivenNames == "Vierde"));
        Assert.Empty(told);
    }

    private sealed class Recorder(List<DataChange> told) : IDataChangeSubscriber
    {
        public Task OnChangedAsync(DataChange change, CancellationToken cancellationToken)
        {
            told.Add(change);
            return Task.CompletedTask;
        }
    }
}
