using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class DemoDataTests
{
    private static Dictionary<string, string?> EmbeddedDemo() => new()
    {
        // Demo data belongs to the embedded database only, whatever provider the other tests run on.
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"demo-{Guid.NewGuid():N}.db")}",
        ["Demo:SeedOnFirstStart"] = "true",
    };

    [Fact]
    public async Task In_development_the_embedded_database_starts_with_the_demo_accounts_from_the_README()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        using var client = new ThuisClient(app);

        var signIn = await client.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);
        Assert.Equal("/", signIn.Location);
        var dossiers = await client.GetAsync("/dossiers?wie=alle");
        Assert.Equal(HttpStatusCode.OK, dossiers.Status);
        Assert.Contains("Haddad, Samira", dossiers.Text, StringComparison.Ordinal);

        using var zoetermeer = new ThuisClient(app);
        Assert.Equal("/", (await zoetermeer.SignInAsync("beheerder@zoetermeer.example", DemoData.Password)).Location);

        foreach (var domain in new[] { "dalfsen.example", "zoetermeer.example" })
        {
            using var newcomer = new ThuisClient(app);
            await newcomer.SignInAsync($"nieuwkomer@{domain}", DemoData.Password);
            Assert.Equal("/mijn", (await newcomer.GetAsync("/")).Location);
            var plan = await newcomer.GetAsync("/mijn/plan");
            Assert.Equal(HttpStatusCode.OK, plan.Status);
            Assert.NotEmpty(plan.Document.QuerySelectorAll("[data-testid=own-step]"));
            Assert.NotEmpty((await newcomer.GetAsync("/mijn/voorstellen")).Document.QuerySelectorAll("[data-testid=own-proposal]"));
            Assert.NotEmpty((await newcomer.GetAsync("/mijn/toestemmingen")).Document.QuerySelectorAll("[data-testid=own-consent]"));
            var appointments = await newcomer.GetAsync("/mijn/afspraken");
            Assert.Contains(appointments.Document.QuerySelectorAll("[data-testid=own-day] [data-testid=own-appointment]"), a => a.GetAttribute("data-key")!.StartsWith("bijeenkomst-", StringComparison.Ordinal));
            // One question "Hoe gaat het?" waits, on the start page and on its own page.
            Assert.NotNull((await newcomer.GetAsync("/mijn")).Document.QuerySelector("[data-testid=own-question-card]"));
            Assert.Single((await newcomer.GetAsync("/mijn/hoe-gaat-het")).Document.QuerySelectorAll("[data-testid=own-question]"));
        }
    }

    [Fact]
    public async Task Each_demo_municipality_has_a_caseload_of_about_forty_valid_fictional_newcomers_at_different_stages()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        app.StartServer();
        var today = TimeProvider.System.InTheNetherlands();

        foreach (var name in new[] { "Dalfsen", "Zoetermeer" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var municipality = await db.Municipalities.SingleAsync(m => m.Name == name);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
            var newcomers = await db.Newcomers.AsNoTracking().ToListAsync();

            Assert.InRange(newcomers.Count, 35, 50);
            Assert.All(newcomers, n => Assert.True(n.Bsn is null || Bsn.IsValid(n.Bsn), $"{n.FullName}: BSN {n.Bsn}"));
            Assert.All(newcomers, n => Assert.True(n.Bsn is null || n.Bsn.StartsWith("9999", StringComparison.Ordinal), $"{n.FullName}: BSN {n.Bsn} kan echt bestaan"));
            Assert.All(newcomers, n => Assert.True(VNumber.IsValid(n.VNumber), $"{n.FullName}: V-nummer {n.VNumber}"));
            Assert.Equal(newcomers.Count, newcomers.Where(n => n.Bsn is not null).Select(n => n.Bsn).Concat(newcomers.Where(n => n.Bsn is null).Select(n => n.VNumber)).Distinct().Count());
            // Every demo person would pass registration by hand.
            Assert.All(newcomers, n =>
            {
                var form = NewcomerForm.From(n);
                Assert.Empty(form.Check(today));
                Assert.True(Validator.TryValidateObject(form, new ValidationContext(form), null, validateAllProperties: true), n.FullName);
            });
            Assert.Contains(newcomers, n => n.Status == DossierStatus.Paused && n.StatusReason is not null);
            Assert.Contains(newcomers, n => n.CaseManagerId is null);
            Assert.True(newcomers.Count(n => n.CaseManagerId is not null) > newcomers.Count / 2);
            Assert.True(newcomers.Select(n => n.CountryOfOrigin).Distinct().Count() >= 5);

            // Intakes at different stages: some people have only the basics, others most parts.
            var withLanguages = await db.Set<LanguagesSection>().CountAsync();
            var withWishes = await db.Set<AspirationsSection>().CountAsync();
            Assert.InRange(withLanguages, 10, newcomers.Count - 3);
            Assert.InRange(withWishes, 5, withLanguages);
            Assert.True(await db.Set<WorkExperienceSection>().AnyAsync(w => w.Jobs.Any(j => j.EscoUri != null)));
            Assert.True(await db.Set<HouseholdSection>().AnyAsync(h => h.Children.Count > 0));
        }
    }

    [Fact]
    public async Task Each_demo_municipality_has_a_social_map_of_about_thirty_organisations_eighty_offers_and_forty_volunteers()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        app.StartServer();

        foreach (var name in new[] { "Dalfsen", "Zoetermeer" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var municipality = await db.Municipalities.SingleAsync(m => m.Name == name);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
            var organisations = await db.Organisations.AsNoTracking().ToListAsync();
            var offers = await db.Offers.AsNoTracking().ToListAsync();
            var volunteers = await db.Volunteers.AsNoTracking().ToListAsync();

            Assert.InRange(organisations.Count, 28, 36);
            Assert.InRange(offers.Count, 75, 90);
            Assert.Equal(40, volunteers.Count);
            // The partner the demo's partner worker belongs to is kept, now with its details and offers.
            var partner = Assert.Single(organisations, o => o.Name.EndsWith("(demo)", StringComparison.Ordinal));
            Assert.True(partner.IsPartner);
            Assert.Contains(offers, o => o.OrganisationId == partner.Id);
            Assert.InRange(organisations.Count(o => o.IsPartner), 5, 10);
            Assert.Equal(Enum.GetValues<OrganisationType>().Where(t => t is not OrganisationType.Other), organisations.Select(o => o.Type).Where(t => t != OrganisationType.Other).Distinct().Order());
            Assert.Equal(Enum.GetValues<OfferKind>().Length, offers.Select(o => o.Kind).Distinct().Count());
            Assert.All(offers, o => Assert.NotEmpty(o.Domains));
            Assert.All(offers, o => Assert.All(o.Tags, t => Assert.Contains(t, OfferTags.All)));
            Assert.Contains(volunteers, v => !v.Deployable);
            Assert.True(volunteers.Count(v => v.Deployable) > volunteers.Count / 2);
            Assert.Equal(Enum.GetValues<VolunteerRole>().Length, volunteers.SelectMany(v => v.Roles).Distinct().Count());

            // Every demo organisation, offer and volunteer would pass the form by hand.
            Assert.All(organisations, o => Assert.Empty(OrganisationForm.From(o).Check()));
            var occupations = scope.ServiceProvider.GetRequiredService<OccupationCatalogue>();
            Assert.All(offers, o => Assert.Empty(OfferForm.From(o, occupations).Check(occupations)));
            // Work at every level, each job coded as an ESCO occupation.
            Assert.Equal([1, 2, 4], offers.Where(o => o.EscoUri is not null).Select(o => (int)Thuis.Matching.WorkLevels.OfIsco(occupations.Find(o.EscoUri!)!.IscoGroup)).Distinct().Order());
            Assert.All(offers.Where(o => o.Kind == OfferKind.Job), o => Assert.NotNull(o.EscoUri));
            Assert.All(volunteers, v => Assert.Empty(VolunteerForm.From(v).Check(TimeProvider.System.InTheNetherlands())));
        }
    }

    [Fact]
    public async Task The_demo_is_the_same_people_every_time()
    {
        var first = await DemoNamesAsync();
        var second = await DemoNamesAsync();

        Assert.Equal(first, second);
        Assert.Contains("Samira Haddad 999990019", first);
    }

    private static async Task<List<string>> DemoNamesAsync()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dalfsen = await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen.Id);
        return await db.Newcomers.OrderBy(n => n.Bsn).ThenBy(n => n.VNumber)
            .Select(n => n.GivenNames + " " + n.FamilyName + " " + (n.Bsn ?? n.VNumber))
            .ToListAsync();
    }

    [Fact]
    public async Task In_production_no_demo_accounts_are_made_even_when_the_setting_is_on()
    {
        await using var app = new ThuisAppFactory("Production", EmbeddedDemo());
        app.StartServer();

        // In production every cookie is Secure, so this plain-HTTP client could not post the sign-in form; the accounts
        // are looked for where they would be.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Thuis.Web.Features.Accounts.ThuisUser>>();
        Assert.Null(await users.FindByNameAsync("klantregisseur@dalfsen.example"));
        Assert.Empty(users.Users);
    }
}
